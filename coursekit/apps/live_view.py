"""Redraw while training runs: a thread that calls a tick a few times a second, within a time budget.

An epoch on the course's 4,000 digits takes a few hundredths of a second,
far less than a redraw of the training app's figures, so redrawing after
every epoch (or inside the training loop) would slow training down several
times. Instead a Pump calls `tick()` from a thread of its own, by the wall
clock: at most every `interval` seconds, and never more often than keeps
the tick's share of the time under `budget`. Python runs one thread at a
time, so that share is about what training loses: a tick that takes 30 ms
with budget 0.12 runs every 0.25 s or more, and training keeps about 88 %
of its speed (benchmarks/widget_update.py measures "live_view_slowdown").
"""
import threading
import time


class Pump:
    """Call `tick()` from a background thread while started: every `interval` s or slower.

    After a tick that kept its thread busy for t seconds (its CPU time: time spent
    waiting for the training thread is not a cost to training), the next one waits
    max(interval, t / budget - t), so ticks use at most about `budget` of the time. start() begins (no-op if
    running), stop() ends and waits for the thread. A tick that raises stops the
    pump; `error` then holds the exception (it is never lost in the thread).
    """

    def __init__(self, tick, interval=0.25, budget=0.12):
        self.tick, self.interval, self.budget = tick, interval, budget
        self.thread, self.error, self.ticks = None, None, 0
        self._stop = threading.Event()

    @property
    def running(self):
        return self.thread is not None and self.thread.is_alive()

    def start(self):
        if self.running:
            return
        self._stop.clear()
        self.error = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def stop(self, timeout=10):
        """Stop ticking; returns once the thread has ended (a tick under way is finished first)."""
        self._stop.set()
        if self.running and self.thread is not threading.current_thread():
            self.thread.join(timeout)

    def _run(self):
        wait = self.interval
        while not self._stop.wait(wait):
            start = time.thread_time()
            try:
                self.tick()
            except Exception as error:          # noqa: BLE001  (kept in self.error for the app to report)
                self.error = error
                return
            self.ticks += 1
            took = time.thread_time() - start
            wait = max(self.interval, took / self.budget - took)
