"""No import cycles between the modules of reviewer/, and the layers keep to their own.

The graph counts every import a module can run (top level and inside functions), not those
under ``if TYPE_CHECKING:`` (never run).  ``from package import name`` depends on the
submodule when ``name`` is one, else on the package's ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "reviewer"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in ROOT.rglob("*.py")}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for sub in node.body:
                lines.update(range(sub.lineno, (sub.end_lineno or sub.lineno) + 1))
    return lines


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_lines(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) in skip:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for t in targets:
                while t and t not in modules:  # `import reviewer.store.x.y` → the module it names
                    t = t.rpartition(".")[0]
                if t and t != name:
                    graph[name].add(t)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        path.append(n)
        for m in sorted(graph[n]):
            if state.get(m) == 1:
                return [*path[path.index(m) :], m]
            if m not in state and (found := visit(m)):
                return found
        path.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_the_checker_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_graph_sees_real_imports() -> None:
    graph = import_graph()
    assert "reviewer.ops.base" in graph["reviewer.ops.tags"]
    assert "reviewer.store.operations" in graph["reviewer.ops.tags"]
    assert "reviewer.ops" in graph["reviewer.gui.undo"]


def test_no_import_cycles() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " → ".join(cycle or [])


def test_layers() -> None:
    """core imports neither store, ops nor gui; store and ops never gui; only gui imports Qt."""
    graph = import_graph()
    for name, deps in graph.items():
        layer = name.split(".")[1] if "." in name else ""
        banned = {
            "core": ("reviewer.store", "reviewer.ops", "reviewer.gui", "reviewer.export", "reviewer.cli"),
            "store": ("reviewer.ops", "reviewer.gui", "reviewer.cli"),
            "ops": ("reviewer.gui", "reviewer.cli"),
            "export": ("reviewer.gui", "reviewer.cli"),
        }.get(layer, ())
        bad = sorted(d for d in deps if d.startswith(banned)) if banned else []
        assert not bad, f"{name} imports {bad}"
    qt_outside = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if path.relative_to(ROOT).parts[0] != "gui" and "PySide6" in path.read_text(encoding="utf-8")
    ]
    assert qt_outside == []


# Store methods that write (each one transaction of its own, outside any op's undo).
_STORE_WRITES = {
    "write", "tag", "tag_many", "update_annotation", "delete_annotation", "restore_annotation",
    "restore_annotations", "set_segment_speakers", "restore_segment_speakers", "decide_edit",
    "rename_speaker", "ensure_topic", "update_topic", "add_error_type", "update_error_type",
    "add_glossary", "add_term", "remove_glossary_entry", "import_document", "import_file",
    "delete_document",
}  # fmt: skip


def store_writes_in(source: str) -> list[str]:
    """Calls of a Store write method on something named ``store`` (``store.tag(…)``,
    ``self.store.write()``, ``self.session.store.update_topic(…)``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _STORE_WRITES
            and ast.unparse(node.func.value).rpartition(".")[2] in ("store", "_store")
        ):
            found.append(f"{node.lineno}: {ast.unparse(node.func)}")
    return found


def test_the_write_checker_sees_a_store_write() -> None:
    assert store_writes_in("self.store.tag(1, 2, topic='x')\nstore.write()") == [
        "1: self.store.tag",
        "2: store.write",
    ]
    assert store_writes_in("self.session.rename_speaker('A', 'B')\nstore.segments(1)") == []


def test_the_window_and_the_command_line_write_only_through_ops() -> None:
    bad = {
        str(path.relative_to(ROOT)): hits
        for path in [*ROOT.joinpath("gui").rglob("*.py"), *ROOT.joinpath("cli").rglob("*.py")]
        if (hits := store_writes_in(path.read_text(encoding="utf-8")))
    }
    assert bad == {}
    graph = import_graph()
    for name, deps in graph.items():
        if name.startswith(("reviewer.gui", "reviewer.cli")):
            assert "reviewer.store.operations" not in deps, name
