#!/usr/bin/env python3
"""Generate MEABridgeCore's ISO 3166 / ISO 639 tables from Debian's `iso-codes` package.

Usage (from anywhere; paths are resolved relative to the repository that holds this script):

    python3 Tools/generate-iso-tables.py            # (re)write the generated Swift files
    python3 Tools/generate-iso-tables.py --check    # exit 1 if the committed files are stale
    python3 Tools/generate-iso-tables.py --json-dir DIR   # iso-codes JSON somewhere else

Inputs (Debian/Ubuntu: `apt-get install -y iso-codes`):
    iso_3166-1.json  current countries        -> ISO3166Table.countries
    iso_3166-3.json  former countries          -> ISO3166Table.formerCountries
    iso_639-2.json   languages (639-1/-2)      -> ISO639Table.languages, ISO639Table.names
    iso_639-3.json   languages (639-3)         -> ISO639Table.iso639_3Codes (+ rows for 639-1 codes
                                                  that only 639-3 lists, i.e. `sh`)

Output is deterministic: rows are sorted, no timestamps, `\\n` line endings, UTF-8. Files are only
rewritten when their content changes.

The version header. Each generated file carries one line `// iso-codes version: X` (from
`dpkg-query`, else the package's pkg-config file, else "unknown"). That line is provenance only:
`--check` compares the files with that single line masked out, so a machine with another build of
the package (or without dpkg) passes as long as the *data* is identical, and fails as soon as any
row would change. When only the version line differs, `--check` prints a note and exits 0.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT_DIR = REPO_ROOT / "Sources" / "MEABridgeCore" / "Generated"
DEFAULT_JSON_DIR = Path("/usr/share/iso-codes/json")
VERSION_PREFIX = "// iso-codes version: "
CODES_PER_LINE = 24


# --------------------------------------------------------------------------------------------------
# Inputs


def load(json_dir: Path, name: str, key: str) -> list[dict[str, str]]:
    path = json_dir / name
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)[key]
    except FileNotFoundError:
        sys.exit(
            f"error: {path} not found. Install Debian's iso-codes package "
            f"(apt-get install -y iso-codes) or pass --json-dir."
        )


def package_version(json_dir: Path) -> str:
    """The installed iso-codes version, for provenance only (see module docstring)."""
    try:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
            capture_output=True, text=True, check=False,
        )
        if result.returncode == 0 and result.stdout.strip():
            return result.stdout.strip()
    except OSError:
        pass
    # Non-Debian installs (Homebrew, Fedora, from source) ship a pkg-config file next to the JSON.
    for pc in (json_dir.parent.parent / "pkgconfig" / "iso-codes.pc",
               json_dir.parent.parent.parent / "lib" / "pkgconfig" / "iso-codes.pc"):
        try:
            for line in pc.read_text(encoding="utf-8").splitlines():
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
        except OSError:
            continue
    return "unknown"


def field(value: str | None) -> str:
    """A table cell: no separators or line breaks can leak into the Swift raw string."""
    text = (value or "").strip()
    if "|" in text or "\n" in text or "\r" in text or '"#' in text:
        sys.exit(f"error: unexpected character in iso-codes value {text!r}")
    return text


# --------------------------------------------------------------------------------------------------
# Swift rendering


def header(title: str, sources: list[str], version: str) -> list[str]:
    return [
        "// swift-format-ignore-file",
        f"// {title}",
        "//",
        "// GENERATED FILE - DO NOT EDIT. Regenerate with `python3 Tools/generate-iso-tables.py`;",
        "// CI runs `python3 Tools/generate-iso-tables.py --check` (the version line below is ignored",
        "// by the check: only the data must match).",
        "//",
        "// Source: Debian package `iso-codes`, " + ", ".join(sources) + ".",
        VERSION_PREFIX + version,
        "",
    ]


def raw_block(name: str, doc: list[str], lines: list[str]) -> list[str]:
    out = [f"    /// {line}".rstrip() for line in doc]
    out.append(f'    static let {name}: String = #"""')
    out.extend(f"    {line}" for line in lines)
    out.append('    """#')
    return out


def render(title: str, sources: list[str], version: str, enum_doc: list[str], enum: str,
           blocks: list[list[str]]) -> str:
    lines = header(title, sources, version)
    lines.extend(f"/// {line}".rstrip() for line in enum_doc)
    lines.append(f"enum {enum} {{")
    for index, block in enumerate(blocks):
        if index:
            lines.append("")
        lines.extend(block)
    lines.append("}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------
# ISO 3166


def iso3166(json_dir: Path, version: str) -> str:
    current = load(json_dir, "iso_3166-1.json", "3166-1")
    former = load(json_dir, "iso_3166-3.json", "3166-3")

    rows = sorted(
        "|".join((field(e["alpha_2"]).upper(), field(e["alpha_3"]).upper(),
                  field(e["numeric"]).zfill(3), field(e["name"])))
        for e in current
    )
    former_rows = sorted(
        "|".join((field(e["alpha_4"]).upper(), field(e.get("alpha_2")).upper(),
                  field(e.get("alpha_3")).upper(), field(e.get("numeric")),
                  field(e.get("withdrawal_date")), field(e["name"])))
        for e in former
    )
    blocks = [
        raw_block("countries", [
            f"ISO 3166-1, {len(rows)} rows sorted by alpha-2: `alpha2|alpha3|numeric|name`",
            "(upper-case codes, 3-digit numeric, English short name from iso-codes' `name`).",
        ], rows),
        raw_block("formerCountries", [
            f"ISO 3166-3 former countries, {len(former_rows)} rows sorted by alpha-4:",
            "`alpha4|alpha2|alpha3|numeric|withdrawalDate|name` (empty cell when iso-codes has none).",
        ], former_rows),
    ]
    return render(
        "ISO3166Table.swift - ISO 3166-1 countries and ISO 3166-3 former countries.",
        ["iso_3166-1.json", "iso_3166-3.json"], version,
        ["Raw ISO 3166 data, parsed once by `ISOCountries` (Model/Country.swift)."],
        "ISO3166Table", blocks,
    )


# --------------------------------------------------------------------------------------------------
# ISO 639


def canonical(entry: dict[str, str]) -> str:
    return field(entry.get("alpha_2")).lower() or field(entry["alpha_3"]).lower()


def name_index(entries: list[dict[str, str]]) -> dict[str, str]:
    """English name (lower-case, single spaces) -> canonical code.

    Tiers, best first: 0 the full `name` / `common_name`; 1 each `;`-separated alternative
    ("Spanish; Castilian" -> "castilian"); 2 an alternative's part before the first `,` or a
    trailing parenthesis ("Greek, Modern (1453-)" -> "greek", "Occitan (post 1500)" -> "occitan").
    A key keeps only its best tier; a tie is broken in favour of the one language with an ISO 639-1
    code ("greek" -> el, not grc); a key still ambiguous after that ("ndebele") is left out.
    """
    candidates: dict[str, list[tuple[int, bool, str]]] = {}

    def add(text: str, tier: int, has_alpha2: bool, code: str) -> None:
        key = " ".join(text.lower().split())
        if key:
            candidates.setdefault(key, []).append((tier, has_alpha2, code))

    for entry in entries:
        code = canonical(entry)
        has_alpha2 = bool(entry.get("alpha_2"))
        name = field(entry["name"])
        add(name, 0, has_alpha2, code)
        if entry.get("common_name"):
            add(field(entry["common_name"]), 0, has_alpha2, code)
        for part in name.split(";"):
            part = part.strip()
            add(part, 1, has_alpha2, code)
            add(part.split(",")[0], 2, has_alpha2, code)
            add(re.sub(r"\s*\(.*\)$", "", part), 2, has_alpha2, code)

    index: dict[str, str] = {}
    for key, found in candidates.items():
        best = min(tier for tier, _, _ in found)
        codes = {code for tier, _, code in found if tier == best}
        if len(codes) > 1:
            codes = {code for tier, has2, code in found if tier == best and has2}
        if len(codes) == 1:
            index[key] = codes.pop()
    return index


def iso639(json_dir: Path, version: str) -> str:
    part2 = [e for e in load(json_dir, "iso_639-2.json", "639-2") if "-" not in e["alpha_3"]]
    part3 = load(json_dir, "iso_639-3.json", "639-3")

    known3 = {e["alpha_3"] for e in part2} | {e["bibliographic"] for e in part2 if e.get("bibliographic")}
    known2 = {e["alpha_2"] for e in part2 if e.get("alpha_2")}
    # 639-1 codes that ISO 639-2 does not list (`sh` Serbo-Croatian, via 639-3 `hbs`).
    extra = [e for e in part3 if e.get("alpha_2") and e["alpha_2"] not in known2 and e["alpha_3"] not in known3]
    only3 = sorted(e["alpha_3"].lower() for e in part3
                   if e["alpha_3"] not in known3 and e not in extra)

    rows = sorted(
        "|".join((field(e["alpha_3"]).lower(), field(e.get("bibliographic")).lower(),
                  field(e.get("alpha_2")).lower(), "2", field(e["name"])))
        for e in part2
    ) + sorted(
        "|".join((field(e["alpha_3"]).lower(), "", field(e["alpha_2"]).lower(), "3", field(e["name"])))
        for e in extra
    )
    rows.sort()
    names = name_index(part2 + extra)
    name_rows = sorted(f"{key}|{code}" for key, code in names.items())
    for key in names:
        field(key)
    code_lines = [" ".join(only3[i:i + CODES_PER_LINE]) for i in range(0, len(only3), CODES_PER_LINE)]

    blocks = [
        raw_block("languages", [
            f"ISO 639-2 languages plus ISO 639-1 codes only 639-3 lists; {len(rows)} rows sorted by",
            "alpha-3: `alpha3|bibliographic|alpha2|part|name` (lower-case codes; `bibliographic` is the",
            "639-2/B code when it differs from the /T code; `part` is `2` for ISO 639-2 rows and `3` for",
            "639-3 rows; `name` is iso-codes' English `name`). The 639-2 range `qaa-qtz` is left out.",
        ], rows),
        raw_block("names", [
            f"English language names, {len(name_rows)} rows sorted: `lower-case name|canonical code`",
            "(canonical = 639-1 code when one exists, else 639-2/T). Built from full names, `;`",
            "alternatives and their part before `,` / `(`; ambiguous short names are left out.",
        ], name_rows),
        raw_block("iso639_3Codes", [
            f"The {len(only3)} ISO 639-3 codes that ISO 639-2 does not list, sorted, space-separated",
            "(recognised as language codes; no names are carried for them).",
        ], code_lines),
    ]
    return render(
        "ISO639Table.swift - ISO 639-1/-2/-3 language codes and English names.",
        ["iso_639-2.json", "iso_639-3.json"], version,
        ["Raw ISO 639 data, parsed once by `LanguageCode` (Model/Language.swift)."],
        "ISO639Table", blocks,
    )


# --------------------------------------------------------------------------------------------------
# Main


def masked(text: str) -> str:
    return "\n".join(
        VERSION_PREFIX + "*" if line.startswith(VERSION_PREFIX) else line
        for line in text.split("\n")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the committed files differ from the regenerated ones")
    parser.add_argument("--json-dir", type=Path, default=DEFAULT_JSON_DIR,
                        help=f"directory with iso-codes' JSON files (default {DEFAULT_JSON_DIR})")
    args = parser.parse_args()

    version = package_version(args.json_dir)
    outputs = {
        OUTPUT_DIR / "ISO3166Table.swift": iso3166(args.json_dir, version),
        OUTPUT_DIR / "ISO639Table.swift": iso639(args.json_dir, version),
    }

    if args.check:
        stale = []
        for path, text in outputs.items():
            relative = path.relative_to(REPO_ROOT)
            try:
                committed = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                stale.append(f"  {relative}: missing")
                continue
            if masked(committed) != masked(text):
                stale.append(f"  {relative}: data differs from iso-codes {version}")
                diff = list(difflib.unified_diff(
                    masked(committed).split("\n"), masked(text).split("\n"),
                    f"{relative} (committed)", f"{relative} (regenerated)", n=1, lineterm=""))
                stale.extend("    " + line for line in diff[:24])
                if len(diff) > 24:
                    stale.append(f"    ... {len(diff) - 24} more diff lines")
            elif committed != text:
                old = next((line for line in committed.split("\n") if line.startswith(VERSION_PREFIX)), "")
                print(f"note: {relative} was generated from iso-codes "
                      f"{old[len(VERSION_PREFIX):] or '?'}, installed is {version}; data identical.")
        if stale:
            print("error: generated ISO tables are out of date:\n" + "\n".join(stale) +
                  "\nRun `python3 Tools/generate-iso-tables.py` and commit the result.", file=sys.stderr)
            return 1
        print(f"ISO tables up to date (iso-codes {version}).")
        return 0

    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in outputs.items():
        relative = path.relative_to(REPO_ROOT)
        try:
            if path.read_text(encoding="utf-8") == text:
                print(f"unchanged {relative}")
                continue
        except FileNotFoundError:
            pass
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        print(f"wrote {relative}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
