import MEABridgeCLI

MEABridgeCommand.runMain()
