"""One machine's serving stack: ``WORKERS`` Streamlit processes and HAProxy in front.

``Stack.run`` starts everything, then watches: a worker that dies (a crash, a
``kill -9``) is started again while the proxy sends its tabs to the others;
``SIGHUP`` restarts the workers one at a time (drain, restart, ready), so new code
or a new database after ``upgrade`` is served without dropping every session at
once; ``SIGTERM`` stops the stack. Its state is written to ``<run_dir>/serve.json``
for ``serve reload``, ``serve stop`` and ``serve status``.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from workforce.public import site as public_site
from workforce.serve import haproxy, profile, rolling, workers

LOG = logging.getLogger("workforce.serve")
STATE_FILE = "serve.json"
RESPAWN_EVERY_S = 5.0
SITE_PATH = "/situs/"  # where the proxy serves the static site (deploy/haproxy.cfg.in)


@dataclass
class Options:
    """What ``serve`` was asked for."""

    db: Path
    workers: int = os.cpu_count() or 1
    port: int = 8080
    base_port: int = 8601
    run_dir: Path = Path("var")
    drain_s: float = 10.0
    flags: dict[str, str] = field(default_factory=dict)  # Streamlit flag overrides
    script: Path | None = None  # another Streamlit script (the benchmark's reference)
    site: Path | None = None  # the static public site, served at /situs/

    @property
    def site_port(self) -> int:
        """The static site server's port: the one after the workers'."""
        return self.base_port + self.workers

    @property
    def ports(self) -> list[int]:
        """The workers' ports, one after another from ``base_port``."""
        return [self.base_port + i for i in range(self.workers)]


class Stack:
    """The workers and the proxy of one machine, started, watched and stopped."""

    def __init__(self, opts: Options) -> None:
        self.opts = opts
        self.run_dir = opts.run_dir.resolve()
        self.procs: list[subprocess.Popen | None] = [None] * opts.workers
        self.proxy: subprocess.Popen | None = None
        self.site: subprocess.Popen | None = None
        self.admin = haproxy.Admin(self.run_dir / "haproxy.sock")
        self.env: dict[str, str] = {}
        self.reloads = 0
        self.spawned = [0.0] * opts.workers
        self.wanted: str | None = None  # "reload" or "stop", set by a signal

    # ---- start and stop -------------------------------------------------------------

    def start(self) -> None:
        """Check ports and HAProxy, start the workers, then the proxy."""
        haproxy.binary()
        site_ports = [self.opts.site_port] if self.opts.site else []
        workers.require_free([self.opts.port, *self.opts.ports, *site_ports])
        (self.run_dir / "log").mkdir(parents=True, exist_ok=True)
        secret = profile.cookie_secret(self.run_dir / "cookie_secret")
        self.env = profile.worker_env(secret)
        if self.opts.site is not None:  # the app's "static version" link
            self.env.setdefault("WORKFORCE_SITE_URL", SITE_PATH)
            self._site_for_prefix()
        for i in range(self.opts.workers):
            self.procs[i] = self._spawn(i)
        for i, port in enumerate(self.opts.ports):
            if not workers.wait_healthy(port, self.procs[i]):
                self.stop()
                raise RuntimeError(
                    f"worker on port {port} did not start; see {self._log(i)}"
                )
        self._start_site()
        self._start_proxy()
        self._write_state("serving")
        LOG.info(
            "serving on http://%s with %d workers", self._front(), self.opts.workers
        )

    def _spawn(self, i: int) -> subprocess.Popen:
        self.spawned[i] = time.monotonic()
        proc = workers.start(
            self.opts.ports[i],
            self.opts.db,
            self.env,
            self._log(i),
            script=self.opts.script,
            **self.opts.flags,
        )
        LOG.info(
            "worker %s: port %d, pid %d",
            haproxy.worker_name(i),
            self.opts.ports[i],
            proc.pid,
        )
        return proc

    def _log(self, i: int) -> Path:
        return self.run_dir / "log" / f"worker-{haproxy.worker_name(i)}.log"

    def _front(self) -> str:
        return f"127.0.0.1:{self.opts.port}"

    def _site_for_prefix(self) -> None:
        """Rewrite the site for ``/situs/`` when it was written for another address
        (``init-demo`` writes it for ``/``): its canonical and language links, its
        sitemap, must name the addresses the proxy serves. An address the operator
        set ($WORKFORCE_SITE_URL: the city's own web server) is left as it is."""
        if os.environ.get("WORKFORCE_SITE_URL") or self.opts.site is None:
            return
        if public_site.built_for(self.opts.site) == SITE_PATH:
            return
        try:
            written = public_site.publish_db(self.opts.db, self.opts.site, SITE_PATH)
        except (public_site.SiteError, OSError) as exc:
            LOG.warning("the site stays as it was: %s", exc)
            return
        LOG.info("site rewritten for %s: %d pages", SITE_PATH, written.pages)

    def _start_site(self) -> None:
        """The static site's server (when the stack has a site folder)."""
        if self.opts.site is None:
            return
        self.site = workers.start_site(
            self.opts.site, self.opts.site_port, self.run_dir / "log" / "site.log"
        )
        if not workers.wait_listening(self.opts.site_port, self.site):
            self.stop()
            raise RuntimeError(f"the site server did not start; see {self.run_dir}")
        LOG.info("site: %s on port %d", self.opts.site, self.opts.site_port)

    def _start_proxy(self) -> None:
        listen = haproxy.Listen(bind=self._front(), socket=self.admin.path)
        cfg = self.run_dir / "haproxy.cfg"
        site = f"127.0.0.1:{self.opts.site_port}" if self.opts.site else None
        cfg.write_text(haproxy.render(haproxy.local(self.opts.ports), listen, site))
        self.proxy = haproxy.start(cfg, self.run_dir / "log" / "haproxy.log")
        if not workers.wait_healthy(self.opts.port, self.proxy, timeout=15):
            self.stop()
            raise haproxy.ProxyError(
                f"HAProxy did not start; see {self.run_dir / 'log'}"
            )

    def stop(self) -> None:
        """Stop the proxy, then the workers."""
        if self.proxy is not None:
            workers.stop(self.proxy)
        if self.site is not None:
            workers.stop(self.site)
        for proc in self.procs:
            if proc is not None:
                workers.stop(proc)
        self._write_state("stopped")
        LOG.info("stopped")

    # ---- rolling restart ------------------------------------------------------------

    def reload(self) -> None:
        """Restart the workers one at a time; the others keep serving."""
        self._write_state("reloading")
        for i in range(self.opts.workers):
            self.restart_worker(i)
        self.reloads += 1
        self._write_state("serving")
        LOG.info("reload %d done", self.reloads)

    def restart_worker(self, i: int) -> None:
        """Drain one worker (no new tabs), then restart it and put it back."""

        def restart() -> None:
            proc = self.procs[i]
            if proc is not None:
                workers.stop(proc)
            self.procs[i] = self._spawn(i)

        name, port = haproxy.worker_name(i), self.opts.ports[i]
        rolling.restart_one(self.admin, name, port, restart, self.opts.drain_s)
        LOG.info("worker %s restarted", name)

    # ---- watching -------------------------------------------------------------------

    def run(self) -> None:
        """Start, then watch until SIGTERM or SIGINT; SIGHUP reloads."""
        signal.signal(signal.SIGHUP, lambda *_: self._want("reload"))
        signal.signal(signal.SIGTERM, lambda *_: self._want("stop"))
        signal.signal(signal.SIGINT, lambda *_: self._want("stop"))
        self.start()
        try:
            while self.wanted != "stop":
                self.check()
                time.sleep(0.5)
        finally:
            self.stop()

    def _want(self, what: str) -> None:
        if self.wanted != "stop":
            self.wanted = what

    def check(self) -> None:
        """One look: a reload asked for, HAProxy alive, a dead worker started again."""
        if self.proxy is not None and self.proxy.poll() is not None:
            raise haproxy.ProxyError("HAProxy exited; see var/log/haproxy.log")
        if self.wanted == "reload":
            self.wanted = None
            self.reload()
        if self.site is not None and self.site.poll() is not None:
            LOG.warning(
                "the site server exited (%s); starting it again", self.site.returncode
            )
            self._start_site()
        for i, proc in enumerate(self.procs):
            if proc is None or proc.poll() is None:
                continue
            if time.monotonic() - self.spawned[i] < RESPAWN_EVERY_S:
                continue  # a worker that dies at once is not started in a tight loop
            name = haproxy.worker_name(i)
            LOG.warning(
                "worker %s exited (%s); starting it again", name, proc.returncode
            )
            self.procs[i] = self._spawn(i)
            self._write_state("serving")

    def pids(self) -> list[int]:
        """The live workers' process ids."""
        return [p.pid for p in self.procs if p is not None and p.poll() is None]

    def _write_state(self, state: str) -> None:
        data = {
            "pid": os.getpid(),
            "state": state,
            "reloads": self.reloads,
            "port": self.opts.port,
            "db": str(self.opts.db),
            "workers": [
                {
                    "name": haproxy.worker_name(i),
                    "port": port,
                    "pid": p.pid if p else None,
                }
                for i, (port, p) in enumerate(
                    zip(self.opts.ports, self.procs, strict=True)
                )
            ],
        }
        path = self.run_dir / STATE_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1))
        os.replace(tmp, path)
