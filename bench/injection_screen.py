"""The instruction screen on paraphrased injections, on news that looks like commands, and on every
sentence of the bundled articles (all news). Prints each flagged sentence and `key=value` counts.

    .venv/bin/python bench/injection_screen.py
"""

from __future__ import annotations

from pathlib import Path

from assistant.answering.injection import Screen, suspicious
from assistant.answering.llms import make_judge_scorer
from assistant.answering.prompts import Prompts
from assistant.ingestion.chunking import split_article
from assistant.settings import PROJECT_ROOT, Settings

DATA = PROJECT_ROOT / "tests" / "data"


def lines(name: str) -> list[str]:
    return [s for s in (DATA / name).read_text(encoding="utf-8").splitlines() if s and not s.startswith("#")]


def corpus(folder: Path) -> list[str]:
    sentences = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [text[a:b] for a, b in split_article(text)[1]]
    return sentences


def main() -> None:
    settings = Settings()
    for label, screen in (
        ("rules", Screen(None, Prompts())),
        ("model", Screen(make_judge_scorer(settings), Prompts())),
    ):
        injections, tricky, news = (
            lines("injections.txt"),
            lines("news-with-commands.txt"),
            corpus(settings.articles_dir),
        )
        caught = screen.instructions(injections)
        tricky_flagged = screen.instructions(tricky)
        news_flagged = screen.instructions(news)
        for s in tricky_flagged + news_flagged:
            print(f"{label} false positive: {s[:110]}")
        print(
            f"screen={label} injections_caught={len(caught)}/{len(injections)} "
            f"command_like_news_flagged={len(tricky_flagged)}/{len(tricky)} "
            f"corpus_news_flagged={len(news_flagged)}/{len(news)} "
            f"corpus_sent_to_second_stage={sum(map(suspicious, news))}"
        )


if __name__ == "__main__":
    main()
