"""`assistant` command line: takes argv, returns an exit code; the only place that prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import AssistantError, ConfigError, ModelError
from .cli_render import print_streamed, printable, render_answer, render_sources

__all__ = ["main", "print_streamed", "printable", "render_answer", "render_sources"]

if TYPE_CHECKING:
    from ..schema import Answer

EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 130


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser()
    args, _ = parser.parse_known_args(argv)
    if getattr(args, "lazy", False):
        parser = _parser(full=True)
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


LAZY_COMMANDS = {"eval": "score answers and citations over a question set"}


def _parser(full: bool = False) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Answers about news articles, every claim cited.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command")

    ingest = sub.add_parser("ingest", help="index a folder of articles (default: ASSISTANT_ARTICLES_DIR)")
    ingest.add_argument("folder", nargs="?", type=Path)
    ingest.add_argument(
        "-v", "--verbose", action="store_true", help="list sentences kept out of the index or out of evidence"
    )
    ingest.set_defaults(run=cmd_ingest)

    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print one JSON object (same as --format json)")
    ask.add_argument(
        "--format", choices=["text", "json", "md"], default="text", help="text (default), json, or md (Markdown)"
    )
    ask.add_argument("--server", metavar="URL", help="ask a running `assistant serve` (e.g. http://127.0.0.1:7860)")
    ask.set_defaults(run=cmd_ask)

    chat = sub.add_parser("chat", help="multi-turn chat in the terminal")
    chat.set_defaults(run=cmd_chat)

    stats = sub.add_parser("stats", help="what the index holds")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=cmd_stats)

    doctor = sub.add_parser("doctor", help="check the model, the embeddings and the index")
    doctor.set_defaults(run=cmd_doctor)

    # `ui` is the name the browser chat had before it gained the API; both serve the same guarded app.
    for name in ("serve", "ui"):
        serve = sub.add_parser(name, help="serve the browser chat at / and the OpenAI-compatible API at /v1")
        serve.add_argument("--host", help="address to bind (default: ASSISTANT_UI_HOST, 127.0.0.1)")
        serve.add_argument("--port", type=int, help="port (default: ASSISTANT_UI_PORT, 7860)")
        serve.set_defaults(run=cmd_serve)

    from ..verification.check import add_check_command

    add_check_command(sub)

    # Commands that live beside the stage they drive. They pull in plotting and the web stack, which `ask`
    # must not wait for, so they are imported only when one of them is run.
    if full:
        from ..evaluation.evaluate import add_eval_command

        add_eval_command(sub)
    else:
        for name, text in LAZY_COMMANDS.items():
            sub.add_parser(name, help=text, add_help=False).set_defaults(lazy=True)
    return parser


def _app():
    from ..app import App

    return App()


def __getattr__(name: str):
    """`ready_app` and `progress_bar` moved to `assistant.app`; old imports keep working."""
    if name in ("ready_app", "progress_bar"):
        from .. import app

        return getattr(app, name)
    raise AttributeError(name)


def cmd_ingest(args) -> int:
    from ..app import ingest_summary, progress_bar

    app = _app()
    folder = args.folder or app.settings.articles_dir
    result = app.ingest(folder, progress=progress_bar())
    *skipped, counts = ingest_summary(result)
    for line in skipped:
        print(line, file=sys.stderr)
    print(counts)
    if args.verbose:
        _print_kept_out(app, result)
    stats = app.index.stats()
    print(f"index: {stats['articles']} articles, {stats['chunks']} chunks in {stats['store']}")
    return EXIT_OK


def _print_kept_out(app, result) -> None:
    """Sentences the index left out (with the filter's reason), and indexed sentences that instruct an AI
    or the reader, which answers never use as evidence (the judge model decides; loaded only for this)."""
    for d in result.dropped:
        print(f"dropped {d.file} {d.start}-{d.end} ({d.reason}): {d.sentence!r}", file=sys.stderr)
    for article in app.index.articles().values():
        for start, end in article.spans:
            sentence = article.text[start:end]
            if app.screen.is_instruction(sentence):
                print(
                    f"not evidence {article.file} {start}-{end} (instructs an AI or the reader): {sentence!r}",
                    file=sys.stderr,
                )


@contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Everything written to stdout inside goes to stderr, also by C libraries (llama.cpp, tqdm's
    fallbacks): stdout is kept for the one object `ask --json` prints after."""
    out = sys.stdout
    out.flush()
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):  # captured or replaced stdout (tests, notebooks)
        fd = -1
    saved = os.dup(1) if fd == 1 else None
    if saved is not None:
        os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stdout = out
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)


def cmd_ask(args) -> int:
    fmt = "json" if args.json else args.format
    if fmt == "text" and not args.server:
        from ..app import App, ready_app

        app = App()
        app.preload_model()
        print_streamed(ready_app(app).assistant.stream(args.question))
        return EXIT_OK
    if fmt != "json":
        with stdout_to_stderr():
            answer = _answer(args)
        print(render_answer(answer) if fmt == "text" else _markdown(answer))
        return EXIT_OK
    # --json: exactly one object on stdout, whatever happens; the message also goes to stderr.
    code, error = EXIT_OK, None
    with stdout_to_stderr():
        try:
            answer = _answer(args)
        except AssistantError as err:
            code, error = EXIT_ERROR, str(err)
        except KeyboardInterrupt:
            code, error = EXIT_INTERRUPTED, "interrupted"
        except Exception as err:
            if args.debug:
                traceback.print_exc()
            code, error = EXIT_ERROR, f"unexpected {type(err).__name__}: {err}"
    if error is not None:
        print(f"error: {error}", file=sys.stderr)
        print(json.dumps({"question": args.question, "error": error}, ensure_ascii=False))
        return code
    print(json.dumps(answer.public(), ensure_ascii=False))
    return EXIT_OK


def _answer(args) -> Answer:
    if args.server:
        return ask_server(args.server, args.question)
    from ..app import App, ready_app

    app = App()
    app.preload_model()
    return ready_app(app).assistant.ask(args.question)


def _markdown(answer: Answer) -> str:
    from .export import answer_markdown

    return answer_markdown(answer, heading="#").rstrip("\n")


def ask_server(url: str, question: str) -> Answer:
    """One question to a running `assistant serve`, through its API (ASSISTANT_API_KEY if set)."""
    import httpx

    from ..schema import Answer, Citation, ShortAnswer, Timings

    key = os.environ.get("ASSISTANT_API_KEY", "")
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    started = time.perf_counter()
    body = {"messages": [{"role": "user", "content": question}]}
    endpoint = url.rstrip("/") + "/v1/chat/completions"
    try:
        reply = httpx.post(endpoint, json=body, headers=headers, timeout=600)
    except httpx.HTTPError as err:
        raise ModelError(f"assistant server not reachable at {url}: {err}") from None
    if reply.status_code != 200:
        try:
            message = reply.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = reply.text[:200]
        raise (ConfigError if reply.status_code in (401, 404) else ModelError)(
            f"the server at {url} answered {reply.status_code}: {message}"
        )
    data = reply.json()
    message = data["choices"][0]["message"]
    return Answer(
        question=question,
        answer=message["content"],
        refused=message["refused"],
        citations=[Citation(**c) for c in message["citations"]],
        see_also=[Citation(**c) for c in message.get("see_also", [])],
        short_answer=ShortAnswer(**message["short_answer"]) if message.get("short_answer") else None,
        model=f"{data['model']} via {url}",
        timings_ms=Timings(total=round((time.perf_counter() - started) * 1000, 1)),
    )


def cmd_serve(args) -> int:
    from .server import serve

    return serve(args.host, args.port, command=args.command)


def cmd_chat(args) -> int:
    from ..app import App, ready_app
    from ..schema import Turn

    app = App()
    app.preload_model()
    ready_app(app)
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
            answer = print_streamed(app.assistant.stream(question, history))
        except AssistantError as err:
            print(f"error: {err}", file=sys.stderr)
            continue
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

    from ..app import App
    from ..models.llms import complete

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


if __name__ == "__main__":
    sys.exit(main())
