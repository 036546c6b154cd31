"""The wheel's package list and data: what an installed app (or a bundle) can find."""

import tomllib

from reviewer.resources import read_text

from tests.conftest import ROOT


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "reviewer").rglob("__init__.py")
    } | {"reviewer.resources"}
    assert set(config["packages"]) == on_disk
    assert config["package-dir"] == {"reviewer.resources": "resources"}


def test_shipped_resources_load_through_the_package():
    assert "asr" in read_text("error_types.json")
    assert "偶拍 => OpenAI" in read_text("glossaries/ai-podcasts.txt")
