from pathlib import Path

import pytest
from pydantic import ValidationError

from copilot.settings import Settings, get_settings


def test_defaults_put_everything_in_dot_copilot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for var in ("COPILOT_HOME", "COPILOT_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    settings = get_settings()
    assert settings.home == Path(".copilot")
    assert settings.effective_database_url == f"sqlite:///{tmp_path / '.copilot' / 'crm.sqlite3'}"
    assert settings.is_sqlite


def test_environment_sets_home_and_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COPILOT_HOME", str(tmp_path / "ws"))
    monkeypatch.setenv("COPILOT_DATABASE_URL", "postgresql+psycopg://u@db.example:5432/crm")
    settings = get_settings()
    assert settings.home == tmp_path / "ws"
    assert settings.effective_database_url == "postgresql+psycopg://u@db.example:5432/crm"
    assert not settings.is_sqlite


def test_dotenv_file_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COPILOT_HOME", raising=False)
    (tmp_path / ".env").write_text("COPILOT_HOME=from-dotenv\n")
    assert get_settings().home == Path("from-dotenv")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("database_url", "not a url at all", "not a SQLAlchemy database URL"),
        ("log_level", "LOUD", "unknown log level"),
        ("import_batch_size", 0, "greater than or equal to 1"),
    ],
)
def test_bad_settings_are_refused_with_a_reason(field: str, value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(**{field: value})
