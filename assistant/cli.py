"""`assistant` command line: takes argv, returns an exit code; the only place that prints."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from .errors import AssistantError
from .schema import Answer, Turn

EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 130


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_OK
    try:
        return args.run(args)
    except AssistantError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into `head` and the like
        return EXIT_OK
    except Exception as err:  # the last line of defence: one readable line, traceback only on request
        if args.debug:
            traceback.print_exc()
        print(f"error: unexpected {type(err).__name__}: {err} (run with --debug for details)", file=sys.stderr)
        return EXIT_ERROR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Answers about news articles, every claim cited.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command")

    ingest = sub.add_parser("ingest", help="index a folder of articles (default: ASSISTANT_ARTICLES_DIR)")
    ingest.add_argument("folder", nargs="?", type=Path)
    ingest.set_defaults(run=cmd_ingest)

    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.set_defaults(run=cmd_ask)

    chat = sub.add_parser("chat", help="multi-turn chat in the terminal")
    chat.set_defaults(run=cmd_chat)

    stats = sub.add_parser("stats", help="what the index holds")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=cmd_stats)

    doctor = sub.add_parser("doctor", help="check the model, the embeddings and the index")
    doctor.set_defaults(run=cmd_doctor)

    # Commands that live beside the stage they drive.
    from .check import add_check_command
    from .evaluate import add_eval_command
    from .webui import add_ui_command

    add_check_command(sub)
    add_eval_command(sub)
    add_ui_command(sub)
    return parser


def _app():
    from .app import App

    return App()


def progress_bar(desc: str = "embedding"):
    """A tqdm bar on stderr, created on the first report (when the total is known)."""
    from tqdm import tqdm

    bar = None

    def update(n: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="sentence", desc=desc, file=sys.stderr, leave=False)
        bar.update(n)

    return update


def _print_ingest(result) -> None:
    for skipped in result.skipped:
        print(f"skipped {skipped.file}: {skipped.reason}", file=sys.stderr)
    r = result.report
    print(
        f"{len(r.added)} added, {len(r.updated)} updated, {len(r.removed)} removed, {len(r.unchanged)} unchanged, "
        f"{len(r.duplicates)} duplicate, {len(result.skipped)} skipped; {r.sentences_added} sentences embedded"
    )


def cmd_ingest(args) -> int:
    app = _app()
    folder = args.folder or app.settings.articles_dir
    _print_ingest(app.ingest(folder, progress=progress_bar()))
    stats = app.index.stats()
    print(f"index: {stats['articles']} articles, {stats['chunks']} chunks in {stats['store']}")
    return EXIT_OK


def ready_app():
    app = _app()
    result = app.ensure_ingested(progress=progress_bar())
    if result is not None:
        print("first use: indexing the articles", file=sys.stderr)
        _print_ingest(result)
    return app


def cmd_ask(args) -> int:
    app = ready_app()
    answer = app.assistant.ask(args.question)
    if args.json:
        print(json.dumps(answer.public(), ensure_ascii=False))
    else:
        print(render_answer(answer))
    return EXIT_OK


def cmd_chat(args) -> int:
    app = ready_app()
    history: list[Turn] = []
    print(f"Ask about the articles ({app.llm.name}). Empty line or Ctrl-D to quit; /new starts over.")
    while True:
        try:
            question = input("\n> ").strip()
        except EOFError:
            return EXIT_OK
        if not question:
            return EXIT_OK
        if question == "/new":
            history.clear()
            continue
        try:
            answer = app.assistant.ask(question, history)
        except AssistantError as err:
            print(f"error: {err}", file=sys.stderr)
            continue
        print(render_answer(answer))
        history.append(Turn(question, answer.answer))


def cmd_stats(args) -> int:
    stats = _app().index.stats()
    if args.json:
        print(json.dumps(stats))
    else:
        print(
            f"{stats['articles']} articles, {stats['chunks']} chunks ({stats['embedding_model']}) in {stats['store']}"
        )
        for file in stats["files"]:
            print(f"  {file}")
    return EXIT_OK


def cmd_doctor(args) -> int:
    """The first thing to run when something is off: each part is checked on its own."""
    import time

    from .app import App
    from .llms import complete

    app = App()
    s = app.settings
    ok = True
    print(f"backend:    {s.llm_backend}")

    def check(label: str, action) -> None:
        nonlocal ok
        try:
            print(f"{label:<11} {action()}")
        except AssistantError as err:
            ok = False
            print(f"{label:<11} FAILED: {err}")

    def answers() -> str:
        started = time.perf_counter()
        reply = complete(app.llm, [{"role": "user", "content": "Reply with the word yes."}], max_tokens=1)
        return f"yes ({time.perf_counter() - started:.1f} s, replied {reply.strip()!r})"

    check("model:", lambda: app.llm.name)
    check("answers:", answers)
    check("embedding:", lambda: app.index.embedder.name)

    def index() -> str:
        stats = app.index.stats()
        return f"{stats['articles']} articles, {stats['chunks']} chunks in {stats['store']}"

    check("index:", index)
    print(f"articles:   {s.articles_dir}")
    return EXIT_OK if ok else EXIT_ERROR


def render_answer(answer: Answer) -> str:
    lines = [answer.answer, ""]
    if answer.refused:
        if answer.see_also:
            lines.append("Closest passages (not an answer):")
            lines += [f"  - {c.title}: “{c.quote}”" for c in answer.see_also]
        return "\n".join(lines).rstrip()
    lines.append("Sources:")
    for c in answer.citations:
        lines.append(f"[{c.marker}] {c.title} ({c.article}, characters {c.start}-{c.end})")
        lines.append(f"    “{c.quote}”")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
