from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.models.prompts import Prompts
from assistant.settings import PROJECT_ROOT, Settings


def test_every_setting_is_documented_in_the_readme():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"`ASSISTANT_{name.upper()}`" not in readme]
    assert missing == []


def test_environment_and_dotenv_are_read(tmp_path: Path, monkeypatch):
    (tmp_path / ".env").write_text("ASSISTANT_TOP_K=9\nASSISTANT_LLM_MODEL=from-dotenv\n")
    monkeypatch.setenv("ASSISTANT_TOP_K", "4")
    settings = Settings()
    assert settings.top_k == 4 and settings.llm_model == "from-dotenv"


def test_invalid_values_are_rejected(monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "telepathy")
    with pytest.raises(ValueError, match="llm_backend"):
        Settings()


def test_prompts_render_strictly(tmp_path: Path):
    (tmp_path / "greet.txt").write_text("Hello $name, about $topic.")
    prompts = Prompts(tmp_path)
    assert prompts.render("greet", name="Ann", topic="news") == "Hello Ann, about news."
    with pytest.raises(ConfigError, match="needs variable 'topic'"):
        prompts.render("greet", name="Ann")
    with pytest.raises(ConfigError, match="prompt template missing"):
        prompts.render("absent")


def load_settings_table():
    import importlib.util

    spec = importlib.util.spec_from_file_location("settings_table", PROJECT_ROOT / "scripts" / "settings_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_settings_table_is_generated_from_the_code():
    """Defaults and descriptions come from Settings.model_fields; run scripts/settings_table.py after a change."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert load_settings_table().updated(readme) == readme


def test_settings_table_shows_the_code_defaults():
    rows = {
        line.split(" | ")[0].strip("| `"): line.split(" | ")[1]
        for line in load_settings_table().table().splitlines()[2:]
    }
    assert rows["ASSISTANT_EXTRACT_MIN_OVERLAP"] == f"`{Settings.model_fields['extract_min_overlap'].default:g}`"
    assert rows["ASSISTANT_STORE_DIR"] == "`store`" and rows["ASSISTANT_CHROMA_HOST"] == "unset"
    assert rows["ASSISTANT_CONSTRAIN_CITATIONS"] == "`false`" and rows["ASSISTANT_LLM_TIMEOUT"] == "`60`"
