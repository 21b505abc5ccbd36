"""The bundled GGUFs: assembled from their data packages, checked, and refused clearly when broken."""

from dataclasses import replace

import pytest

from assistant import embedded
from assistant.embedded import BUNDLED, embedded_gguf
from assistant.errors import ConfigError


def test_both_bundled_models_are_known_with_their_hashes():
    assert set(BUNDLED) == {"qwen2.5-0.5b", "qwen2.5-1.5b"}
    big = BUNDLED["qwen2.5-1.5b"]
    assert big.parts == 22 and big.size == 1_117_320_768
    assert big.sha256 == "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"


def test_a_missing_part_package_is_named(tmp_path, monkeypatch):
    broken = replace(BUNDLED["qwen2.5-0.5b"], key="broken", package="no-such-model-part{i}")
    monkeypatch.setitem(embedded.BUNDLED, "broken", broken)
    with pytest.raises(ConfigError, match=r"package 'no-such-model-part1' is not installed"):
        embedded_gguf(tmp_path, "broken")
    assert not list(tmp_path.iterdir())  # nothing half-written is left behind


def test_parts_that_do_not_hash_right_are_refused_and_not_cached(tmp_path, monkeypatch):
    wrong = replace(BUNDLED["qwen2.5-0.5b"], key="wrong", sha256="0" * 64)
    monkeypatch.setitem(embedded.BUNDLED, "wrong", wrong)
    with pytest.raises(ConfigError, match=r"sha256 .* expected .*0000; reinstall those packages"):
        embedded_gguf(tmp_path, "wrong")
    assert not (tmp_path / wrong.file_name).exists()


def test_an_unknown_model_key_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="unknown bundled model 'qwen9'"):
        embedded_gguf(tmp_path, "qwen9")


@pytest.mark.slow
def test_the_1_5b_model_assembles_to_its_size_and_is_not_rehashed_until_it_changes(tmp_path):
    path = embedded_gguf(tmp_path, "qwen2.5-1.5b")
    assert path.stat().st_size == 1_117_320_768
    stamp = path.with_suffix(".verified").read_text()
    assert embedded_gguf(tmp_path, "qwen2.5-1.5b") == path and path.with_suffix(".verified").read_text() == stamp
    with path.open("r+b") as f:  # corrupt one byte: the next use assembles and checks it again
        f.seek(1000)
        f.write(b"\x00")
    embedded_gguf(tmp_path, "qwen2.5-1.5b")
    with path.open("rb") as f:
        f.seek(1000)
        restored = f.read(1)
    import hashlib

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == BUNDLED["qwen2.5-1.5b"].sha256 and restored != b""
