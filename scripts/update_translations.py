#!/usr/bin/env python3
"""Update the translation sources (.ts) and compile them (.qm).

    python scripts/update_translations.py            # pylupdate5: plugin/**/*.py + ui/*.ui -> i18n/*.ts
    python scripts/update_translations.py --compile  # lrelease: i18n/*.ts -> i18n/*.qm
    python scripts/update_translations.py --check    # report messages pylupdate5 misses or mis-files,
                                                     # untranslated messages and broken {placeholders}

Updating keeps every existing translation (pylupdate5 merges); messages whose
source text disappeared stay in the file marked obsolete unless
``--drop-obsolete`` is given.  New language files are created with the right
``language`` attribute.

pylupdate5 (PyQt5 5.15) quirks this script guards against (``--check``):

* ``translate("Ctx", "text",)`` -- a comma after the last string literal, which
  code formatters add to calls split over several lines -- and
  ``translate("Ctx", ("text"))`` are silently NOT extracted.
* ``tr("text")`` is filed under whatever class pylupdate5 thinks encloses the
  call (it tracks classes crudely: a function after ``class B: pass`` lands in
  ``B``), which need not be the context asked for at run time.  Calls with an
  explicit context -- ``translate("Ctx", "text")``,
  ``QCoreApplication.translate("Ctx", "text")`` -- are always filed correctly.

Only the standard library is needed, plus the Qt tools pylupdate5 (Debian
package pyqt5-dev-tools) and lrelease (qttools5-dev-tools).
"""
import argparse
import ast
import os
import re
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLUG = "eo_downloader"
LANGUAGES = ("fr", "es")
CODE_DIR = "plugin"
UI_DIR = "ui"
I18N_DIR = "i18n"

# Call names pylupdate5 extracts, by the last identifier before "(".
EXPLICIT_CONTEXT_CALLS = {"translate", "_translate", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}
CLASS_CONTEXT_CALLS = {"tr", "trUtf8", "QT_TR_NOOP", "__tr", "__trUtf8"}

_TS_SKELETON = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="{language}">
</TS>
"""


class ToolError(RuntimeError):
    """A Qt tool is missing or failed."""


# --------------------------------------------------------------------------- files


def ts_path(language: str, root: str = ROOT) -> str:
    return os.path.join(root, I18N_DIR, "{}_{}.ts".format(SLUG, language))


def ts_files(root: str = ROOT) -> List[str]:
    folder = os.path.join(root, I18N_DIR)
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".ts"))


def source_files(root: str = ROOT) -> List[str]:
    """Python files under plugin/ and .ui files under ui/, relative to root, sorted."""
    found = []
    for top, suffix in ((CODE_DIR, ".py"), (UI_DIR, ".ui")):
        base = os.path.join(root, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            for name in sorted(filenames):
                if name.endswith(suffix):
                    found.append(os.path.relpath(os.path.join(dirpath, name), root))
    return found


def find_tool(name: str) -> str:
    """Path of a Qt 5 tool: Qt 5's own bin folder first (Debian's /usr/bin/lrelease is a
    qtchooser link that fails when no default Qt is chosen), then PATH."""
    for folder in ("/usr/lib/qt5/bin", "/usr/lib/x86_64-linux-gnu/qt5/bin", "/usr/lib/aarch64-linux-gnu/qt5/bin"):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    for candidate in (name, name + "-qt5"):
        path = shutil.which(candidate)
        if path:
            return path
    raise ToolError(
        "{} not found. On Debian/Ubuntu install pyqt5-dev-tools (pylupdate5) and "
        "qttools5-dev-tools (lrelease), or run `make deps`.".format(name)
    )


def _run(cmd: Sequence[str], cwd: str) -> str:
    env = dict(os.environ)
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
    proc = subprocess.run(list(cmd), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    if proc.returncode != 0:
        raise ToolError("{} failed ({}):\n{}".format(" ".join(cmd), proc.returncode, proc.stdout))
    return proc.stdout


# --------------------------------------------------------------------------- update / compile


def run_pylupdate(ts_targets: Sequence[str], root: str = ROOT, drop_obsolete: bool = False) -> str:
    """Merge the messages of all sources into each .ts file of ts_targets (created if missing)."""
    sources = source_files(root)
    if not sources:
        raise ToolError("no sources under {}/ or {}/".format(CODE_DIR, UI_DIR))
    for path in ts_targets:
        if not os.path.exists(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            language = os.path.basename(path)[len(SLUG) + 1:-3] or "en"
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(_TS_SKELETON.format(language=language))
    cmd = [find_tool("pylupdate5")]
    if drop_obsolete:
        cmd.append("-noobsolete")
    cmd += sources + ["-ts"] + [os.path.abspath(p) for p in ts_targets]
    return _run(cmd, cwd=root)


def update_ts(root: str = ROOT, languages: Iterable[str] = LANGUAGES, drop_obsolete: bool = False) -> List[str]:
    targets = [ts_path(lang, root) for lang in languages]
    run_pylupdate(targets, root=root, drop_obsolete=drop_obsolete)
    return targets


def compile_qm(root: str = ROOT, out_dir: Optional[str] = None) -> List[str]:
    """lrelease every i18n/*.ts into out_dir (default: beside the .ts); returns the .qm paths."""
    outputs = []
    lrelease = None
    for ts in ts_files(root):
        lrelease = lrelease or find_tool("lrelease")
        target_dir = out_dir or os.path.dirname(ts)
        os.makedirs(target_dir, exist_ok=True)
        qm = os.path.join(target_dir, os.path.basename(ts)[:-3] + ".qm")
        _run([lrelease, "-silent", ts, "-qm", qm], cwd=root)
        if not os.path.isfile(qm):
            raise ToolError("lrelease did not write {}".format(qm))
        outputs.append(qm)
    return outputs


# --------------------------------------------------------------------------- reading .ts


@dataclass
class Message:
    context: str
    source: str
    translations: List[str]
    type: str  # "", "unfinished", "obsolete", "vanished"
    numerus: bool
    locations: List[Tuple[str, int]] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.type not in ("obsolete", "vanished")

    @property
    def finished(self) -> bool:
        return self.type == "" and bool(self.translations) and all(t.strip() for t in self.translations)

    def where(self) -> str:
        if not self.locations:
            return "?"
        return ", ".join("{}:{}".format(f, n) for f, n in self.locations)


def read_ts(path: str, root: Optional[str] = None) -> List[Message]:
    """Messages of a .ts file; locations relative to root (default: the folder above the .ts)."""
    tree = ET.parse(path)
    messages = []
    ts_folder = os.path.dirname(os.path.abspath(path))
    base = os.path.abspath(root) if root else os.path.dirname(ts_folder)
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            if tr is None:
                texts, kind = [], "unfinished"
            else:
                kind = tr.get("type", "")
                if numerus:
                    texts = [(n.text or "") for n in tr.iter("numerusform")]
                else:
                    texts = [tr.text or ""]
            locations = []
            for loc in msg.iter("location"):
                filename = loc.get("filename")
                if filename:
                    rel = os.path.relpath(os.path.normpath(os.path.join(ts_folder, filename)), base)
                    locations.append((rel.replace(os.sep, "/"), int(loc.get("line") or 0)))
            messages.append(Message(name, msg.findtext("source") or "", texts, kind, numerus, locations))
    return messages


def untranslated(path: str) -> List[Message]:
    """Active messages of a .ts file that are unfinished or have an empty translation."""
    return [m for m in read_ts(path) if m.active and not m.finished]


def _fields(text: str) -> Optional[List[str]]:
    """The str.format replacement fields of text, sorted ("" for each positional {}), or None if malformed."""
    try:
        return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)
    except ValueError:
        return None


def placeholder_problems(path: str) -> List[str]:
    """Finished translations whose str.format fields differ from the source's.

    Core code calls ``translate(...).format(name=...)``: a translation that drops,
    renames or breaks a ``{field}`` raises KeyError/ValueError at run time.
    """
    problems = []
    for m in read_ts(path):
        if not (m.active and m.finished):
            continue
        wanted = _fields(m.source)
        if wanted is None:
            continue  # source is not a format string
        for text in m.translations:
            got = _fields(text)
            if got != wanted:
                problems.append("{}: [{}] {!r} -> {!r}: placeholders {} expected, got {}".format(
                    os.path.basename(path), m.context, m.source, text, wanted,
                    "a malformed format string" if got is None else got))
    return problems


# --------------------------------------------------------------------------- checking extraction


@dataclass
class Call:
    file: str
    line: int
    name: str
    context: Optional[str]  # explicit context, or the enclosing class (asked for at run time by self.tr())
    source: Optional[str]   # None when the text is not a string literal
    explicit: bool
    problem: str = ""       # a certain mistake, independent of pylupdate5
    hint: str = ""          # likely reason, should pylupdate5 miss the call


def _literal(node: ast.AST) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_name(node: ast.Call) -> Optional[str]:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def find_calls(path: str, rel: str) -> List[Call]:
    """Every translate()/tr()-style call in a Python file, with what it should extract."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    tree = ast.parse(text, filename=rel)
    calls: List[Call] = []

    def visit(node: ast.AST, classes: Tuple[str, ...]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, classes + (child.name,))
                continue
            if isinstance(child, ast.Call):
                name = _call_name(child)
                call = None
                if name in EXPLICIT_CONTEXT_CALLS and len(child.args) >= 2:
                    ctx = _literal(child.args[0])
                    if ctx is not None:  # translate(variable, ...) is not a Qt message call
                        call = Call(rel, child.lineno, name, ctx, _literal(child.args[1]), True)
                        text_arg = child.args[1]
                elif name in CLASS_CONTEXT_CALLS and child.args:
                    call = Call(rel, child.lineno, name, classes[-1] if classes else None,
                                _literal(child.args[0]), False)
                    text_arg = child.args[0]
                if call is not None:
                    if call.source is None:
                        call.problem = _dynamic_text_problem(text_arg)
                    else:
                        call.hint = _syntax_hint(text, child, text_arg)
                    calls.append(call)
            visit(child, classes)

    visit(tree, ())
    return calls


def _dynamic_text_problem(node: ast.AST) -> str:
    if isinstance(node, ast.JoinedStr):
        return ("f-string as source text: it changes with its values and is never found in a .ts; "
                "translate a literal and .format() the result")
    if isinstance(node, ast.BinOp):
        return ("computed source text (+ or %): pylupdate5 cannot extract it; "
                "translate one literal and .format() the result")
    return ""  # a variable: may be extracted elsewhere (QT_TRANSLATE_NOOP); not checked


def _syntax_hint(text: str, call: ast.Call, text_arg: ast.AST) -> str:
    """Why pylupdate5 (5.15) would skip this call, as far as the source shows."""
    if call.keywords:
        return "keyword arguments in the call"
    seg = ast.get_source_segment(text, call) or ""
    arg = ast.get_source_segment(text, text_arg) or ""
    if "(" not in seg or not arg:
        return ""
    inside = seg[seg.index("(") + 1:seg.rindex(")")]
    last = ast.get_source_segment(text, call.args[-1]) or ""
    if last and inside.rstrip().endswith(",") and inside.rstrip()[:-1].rstrip().endswith(last):
        return "a comma after the last argument"
    pos = inside.find(arg)
    if pos > 0 and inside[:pos].rstrip().endswith("("):
        return "parentheses around the string"
    if re.search(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{|[0-7]{1,3})", arg):
        return "a \\u/\\x/\\N/octal escape in the string, which pylupdate5 does not decode: write the character itself"
    return ""


def extracted_messages(root: str = ROOT) -> List[Message]:
    """What pylupdate5 extracts from the current sources (into a throw-away .ts)."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, "i18n", "probe.ts")
        os.makedirs(os.path.dirname(probe))
        with open(probe, "w", encoding="utf-8") as handle:
            handle.write(_TS_SKELETON.format(language="xx"))
        run_pylupdate([probe], root=root, drop_obsolete=True)
        return read_ts(probe, root=root)


def extraction_problems(root: str = ROOT, extracted: Optional[List[Message]] = None) -> List[str]:
    """Messages in the code that pylupdate5 misses or files under an unexpected context."""
    problems: List[str] = []
    calls: List[Call] = []
    for rel in source_files(root):
        if rel.endswith(".py"):
            calls.extend(find_calls(os.path.join(root, rel), rel.replace(os.sep, "/")))
    if extracted is None:
        extracted = extracted_messages(root)
    by_pair: Set[Tuple[str, str]] = {(m.context, m.source) for m in extracted}
    contexts_of: Dict[str, Set[str]] = {}
    for m in extracted:
        contexts_of.setdefault(m.source, set()).add(m.context)
    for call in calls:
        where = "{}:{}".format(call.file, call.line)
        if call.problem:
            problems.append("{}: {}".format(where, call.problem))
            continue
        if call.source is None:
            continue
        hint = " (likely cause: {})".format(call.hint) if call.hint else ""
        if call.explicit:
            if (call.context, call.source) not in by_pair:
                problems.append("{}: {}({!r}, {!r}) is not extracted by pylupdate5{}".format(
                    where, call.name, call.context, call.source, hint))
        else:
            found = contexts_of.get(call.source, set())
            if not found:
                problems.append("{}: {}({!r}) is not extracted by pylupdate5{}".format(
                    where, call.name, call.source, hint))
            elif call.context is not None and call.context not in found:
                problems.append(
                    "{}: {}({!r}) is filed by pylupdate5 under {} but the call is in class {!r}; "
                    "use translate({!r}, ...) / QCoreApplication.translate({!r}, ...) with an explicit context".format(
                        where, call.name, call.source, sorted(found), call.context, call.context, call.context))
    return problems


def stale_problems(root: str = ROOT, languages: Iterable[str] = LANGUAGES,
                   extracted: Optional[List[Message]] = None) -> List[str]:
    """Messages found in the sources that a language's .ts file does not contain yet."""
    problems = []
    if extracted is None:
        extracted = extracted_messages(root)
    wanted = [(m.context, m.source, m.where()) for m in extracted]
    for lang in languages:
        path = ts_path(lang, root)
        if not os.path.exists(path):
            problems.append("{} is missing: run `make translations`".format(os.path.relpath(path, root)))
            continue
        have = {(m.context, m.source) for m in read_ts(path) if m.active}
        for ctx, src, where in wanted:
            if (ctx, src) not in have:
                problems.append("{}: [{}] {!r} ({}) is not in the file: run `make translations`".format(
                    os.path.basename(path), ctx, src, where))
    return problems


def check(root: str = ROOT, languages: Iterable[str] = LANGUAGES) -> List[str]:
    extracted = extracted_messages(root)
    problems = extraction_problems(root, extracted) + stale_problems(root, languages, extracted)
    for lang in languages:
        path = ts_path(lang, root)
        if os.path.exists(path):
            for m in untranslated(path):
                problems.append("{}: untranslated [{}] {!r} ({})".format(os.path.basename(path), m.context, m.source, m.where()))
            problems += placeholder_problems(path)
    return problems


# --------------------------------------------------------------------------- CLI


def fill(json_paths: Sequence[str], root: str = ROOT) -> int:
    """Put the translations of JSON files (a list of {context, source, <language>: text}) into the
    unfinished messages of each language's .ts file; returns how many were filled."""
    import json
    wanted = {}
    for path in json_paths:
        with open(path, encoding="utf-8") as handle:
            for entry in json.load(handle):
                for lang in LANGUAGES:
                    if entry.get(lang):
                        wanted[(lang, entry["context"], entry["source"])] = entry[lang]
    count = 0
    for lang in LANGUAGES:
        path = ts_path(lang, root)
        tree = ET.parse(path)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                text = wanted.get((lang, name, message.findtext("source")))
                if text is None or translation is None or translation.get("type") != "unfinished":
                    continue
                translation.text = text
                del translation.attrib["type"]
                count += 1
        tree.write(path, encoding="utf-8", xml_declaration=True)
        with open(path, encoding="utf-8") as handle:     # keep the DOCTYPE line pylupdate5 writes
            body = handle.read()
        if "<!DOCTYPE TS>" not in body:
            body = body.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(body)
    return count


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compile", action="store_true", help="only compile i18n/*.ts to .qm (lrelease)")
    parser.add_argument("--check", action="store_true", help="only report problems; exit 1 if any")
    parser.add_argument("--drop-obsolete", action="store_true", help="remove messages no longer in the sources")
    parser.add_argument("--languages", default=",".join(LANGUAGES), help="comma separated (default: %(default)s)")
    parser.add_argument("--fill", nargs="+", metavar="JSON",
                        help="fill unfinished messages from JSON lists of {context, source, fr, es}")
    parser.add_argument("--root", default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    languages = [x.strip() for x in args.languages.split(",") if x.strip()]
    try:
        if args.check:
            problems = check(args.root, languages)
            for line in problems:
                print(line)
            print("{} translation problem(s)".format(len(problems)) if problems else "translations OK")
            return 1 if problems else 0
        if args.fill:
            print("filled", fill(args.fill, args.root), "translation(s)")
            update_ts(args.root, languages)          # back to pylupdate5's own layout
            return 0
        if args.compile:
            for qm in compile_qm(args.root):
                print("compiled", os.path.relpath(qm, args.root))
            return 0
        for path in update_ts(args.root, languages, drop_obsolete=args.drop_obsolete):
            todo = untranslated(path)
            print("{}: {} message(s), {} untranslated".format(
                os.path.relpath(path, args.root), sum(1 for m in read_ts(path) if m.active), len(todo)))
        problems = extraction_problems(args.root)
        for line in problems:
            print("warning:", line)
        return 0
    except ToolError as exc:
        print("error:", exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
