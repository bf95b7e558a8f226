"""``auditor check --resume CHECKPOINT``: go on with an interrupted run where it stopped.

Reports come back in input order, so one position says what is done: every input before the
``next`` one, and in that one (an archive) every record up to the byte offset ``after``. The file
also keeps the totals so far and how long each output file was when the position was saved; on
resume the outputs are cut back to that length (dropping anything written after the last save) and
appended to. The inputs must be the same, in the same order; a changed list is refused.

The checkpoint is written atomically (a temporary file renamed over it) every few seconds, after the
outputs are flushed to disk, and once more when the run ends or is interrupted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator

VERSION = 1
#: seconds between saves: a crash loses at most this much work
SAVE_EVERY = 5.0


class CheckpointError(Exception):
    """The checkpoint cannot be used: unreadable, from other inputs, or for outputs that cannot resume."""


def inputs_key(paths: list[str]) -> str:
    """A fingerprint of the input list, so that a checkpoint is never applied to other inputs."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(os.path.abspath(path).encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()[:32]


class Checkpoint:
    def __init__(self, path: str, paths: list[str]):
        self.path = path
        self.key = inputs_key(paths)
        self.paths = paths
        self.next = 0  # index of the first input not completely done
        self.after: int | None = None  # in that input (an archive): the last record done
        self.complete = False
        self.summary: dict = {}
        self.outputs: dict[str, int] = {}
        self.counts: dict = {}
        self.last_save = 0.0
        self.resumed = False
        self._load()

    def _load(self) -> None:
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            raise CheckpointError(f"cannot read the checkpoint {self.path} ({exc}); remove it to start afresh") from None
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise CheckpointError(f"{self.path} is not an auditor checkpoint (version {VERSION}); "
                                  "remove it or name another file")
        if data.get("inputs") != self.key:
            raise CheckpointError(f"the checkpoint {self.path} is for other inputs (or another order); run with "
                                  "the same paths, or remove it to start afresh")
        self.next = int(data.get("next", 0))
        self.after = data.get("after")
        self.complete = bool(data.get("complete"))
        self.summary = dict(data.get("summary") or {})
        self.outputs = {k: int(v) for k, v in (data.get("outputs") or {}).items()}
        self.counts = dict(data.get("counts") or {})
        self.resumed = True

    # -- what to skip ---------------------------------------------------------------------------

    def remaining(self) -> list[str]:
        """The inputs still to read (all of them on a fresh start, none when the run was complete)."""
        return [] if self.complete else self.paths[self.next:]

    def items(self, expand, order, stats: dict | None = None) -> Iterator:
        """The items still to check, through ``runner.expand``; ``order`` gets each one's input index
        (results come back in the same order, so the caller pops them to know where it is)."""
        if self.complete:
            return
        for index in range(self.next, len(self.paths)):
            after = self.after if index == self.next else None
            start = (lambda _path, _after=after: _after) if after is not None else None
            for item in expand([self.paths[index]], start, stats):
                if after is not None and getattr(item, "offset", None) == after:
                    continue  # iteration restarts at the last record done
                order.append(index)
                yield item

    # -- progress -------------------------------------------------------------------------------

    def done(self, index: int, offset: int | None) -> None:
        """The item at input ``index`` (an archive's record at ``offset``) and everything before it is
        reported. ``index`` counts in the full input list."""
        if offset is None:
            self.next, self.after = index + 1, None
        else:
            self.next, self.after = index, offset

    def due(self) -> bool:
        return time.monotonic() - self.last_save >= SAVE_EVERY

    def save(self, summary: dict, outputs: dict[str, int], counts: dict, complete: bool = False) -> None:
        data = {"version": VERSION, "inputs": self.key, "next": self.next, "after": self.after,
                "complete": complete, "summary": summary, "outputs": outputs, "counts": counts,
                "saved": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        folder = os.path.dirname(os.path.abspath(self.path))
        handle, temporary = tempfile.mkstemp(prefix=".auditor-checkpoint-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(data, stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        self.last_save = time.monotonic()
