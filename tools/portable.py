"""Strict nbval under the CPU kernels and thread counts that readers' machines select.

    python -m tools.portable                         # every notebook, the whole matrix
    python -m tools.portable chapters/01_linear_algebra.ipynb
    python -m tools.portable --ci                    # the part of the matrix `make test` runs
    python -m tools.portable --only haswell-1t zen-2t
    python -m tools.portable --list                  # the matrix, and what this CPU can run

NumPy and SciPy ship OpenBLAS, which picks a kernel for the CPU at run time
(`OPENBLAS_CORETYPE` forces one), and NumPy dispatches its own loops (sums,
exp, log, ...) to the widest SIMD the CPU has (`NPY_DISABLE_CPU_FEATURES`
narrows it). Different kernels round differently in the last bits, so a stored
output or an assert that holds on one machine can fail on another. Each
configuration here is what a family of CPUs does: its BLAS kernel together
with the SIMD level NumPy would use there, with 1 or 2 BLAS threads.

Every run first asks a fresh Python with the configuration's environment which
kernel and which NumPy features it got, and refuses to report a pass for a
configuration that did not take effect. Configurations this CPU cannot execute
(a wider instruction set than it has) are skipped and said so.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))

# NumPy's dispatch targets above its x86-64 baseline (X86_V2, i.e. SSE4.2), as
# named by the pinned NumPy: X86_V3 is AVX2 + FMA3, X86_V4 and the rest AVX-512.
AVX512_TARGETS = ("X86_V4", "AVX512_ICL", "AVX512_SPR")
AVX2_TARGETS = ("X86_V3",)


@dataclass(frozen=True)
class Config:
    """One CPU family: its OpenBLAS kernel, the NumPy SIMD targets it lacks, BLAS threads."""

    coretype: str                 # OPENBLAS_CORETYPE, as OpenBLAS reports it back
    cpu_flags: tuple[str, ...]    # /proc/cpuinfo flags the kernel needs to run at all
    numpy_off: tuple[str, ...]    # NumPy dispatch targets such a CPU does not have
    threads: int
    example: str                  # the machines that select it

    @property
    def name(self) -> str:
        return f"{self.coretype.lower()}-{self.threads}t"

    def env(self) -> dict[str, str]:
        env = {**os.environ, "OPENBLAS_CORETYPE": self.coretype,
               "OPENBLAS_NUM_THREADS": str(self.threads), "OMP_NUM_THREADS": str(self.threads)}
        env.pop("OPENBLAS_L2_SIZE", None)  # set on some hosts for the native kernel only
        if self.numpy_off:
            env["NPY_DISABLE_CPU_FEATURES"] = " ".join(self.numpy_off)
        else:
            env.pop("NPY_DISABLE_CPU_FEATURES", None)
        return env

    def runs_here(self) -> bool:
        return set(self.cpu_flags) <= cpu_flags()


KERNELS = [  # (coretype, flags it needs, NumPy targets it lacks, typical machines)
    ("SkylakeX", ("avx512f",), (), "Intel with AVX-512: Xeon Scalable, many cloud hosts"),
    ("Haswell", ("avx2", "fma"), AVX512_TARGETS, "most Intel laptops and desktops since 2013"),
    ("Zen", ("avx2", "fma"), AVX512_TARGETS, "AMD Ryzen and EPYC (most CI runners)"),
    ("Sandybridge", ("avx",), AVX512_TARGETS + AVX2_TARGETS, "older Intel, AVX without AVX2"),
]
MATRIX = [Config(core, flags, off, threads, example)
          for core, flags, off, example in KERNELS for threads in (1, 2)]
# `make test` runs every kernel once, alternating the thread count, on top of
# the main suite's run with whatever this machine selects.
CI_MATRIX = [c for c in MATRIX if c.name in {"skylakex-1t", "haswell-2t", "zen-1t", "sandybridge-2t"}]


def cpu_flags() -> set[str]:
    """The instruction-set flags of this machine's CPU (empty where /proc/cpuinfo is absent)."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    match = re.search(r"^flags\s*:(.*)$", text, flags=re.M)
    return set(match.group(1).split()) if match else set()


PROBE = """
import json, numpy, scipy.linalg, threadpoolctl
from numpy._core._multiarray_umath import __cpu_features__
blas = [i for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
print(json.dumps({
    "kernels": sorted({i.get("architecture") for i in blas}),
    "threads": sorted({i["num_threads"] for i in blas}),
    "numpy_on": sorted(k for k, v in __cpu_features__.items() if v),
}))
"""


def probe(config: Config) -> dict:
    """What a fresh Python under `config` actually got: BLAS kernels, threads, NumPy features."""
    result = subprocess.run([sys.executable, "-c", PROBE], env=config.env(), cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{config.name}: Python would not start: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout)


def took_effect(config: Config, seen: dict) -> list[str]:
    """Why the probe shows the configuration did not take effect ([] if it did)."""
    problems = []
    # OpenBLAS runs its Haswell kernels for Zen and reports them by that name.
    reported_as = {"Zen": "Haswell"}.get(config.coretype, config.coretype)
    if seen["kernels"] not in ([config.coretype], [reported_as]):
        problems.append(f"OpenBLAS ran {seen['kernels']}, not {config.coretype}")
    if seen["threads"] != [config.threads]:
        problems.append(f"OpenBLAS used {seen['threads']} threads, not {config.threads}")
    still_on = sorted(set(config.numpy_off) & set(seen["numpy_on"]))
    if still_on:
        problems.append(f"NumPy still dispatches to {still_on}")
    return problems


@dataclass
class Outcome:
    config: Config
    failed: list[str]      # "chapters/01_linear_algebra.ipynb::Cell 14", ...
    summary: str           # pytest's closing line
    log: str               # pytest's whole output, for a failure message


def nbval_command(notebooks: list[Path], jobs: int) -> list[str]:
    """Strict nbval exactly as the main suite runs it (pytest.ini's nbval options)."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
               "--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/sanitize.cfg"]
    if jobs > 1:
        command += ["-n", str(jobs), "--dist", "loadscope"]
    return command + [str(p) for p in notebooks]


def run(config: Config, notebooks: list[Path], jobs: int = os.cpu_count() or 1) -> Outcome:
    """Strict nbval over `notebooks` under `config` (which must take effect)."""
    problems = took_effect(config, probe(config))
    if problems:
        raise RuntimeError(f"{config.name} did not take effect: {'; '.join(problems)}")
    result = subprocess.run(nbval_command(notebooks, jobs), env=config.env(), cwd=ROOT,
                            capture_output=True, text=True)
    log = result.stdout + result.stderr
    failed = re.findall(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", log, flags=re.M)
    summary = next((line.strip("= ") for line in reversed(log.splitlines())
                    if re.search(r"\d+ (passed|failed|error)", line)), "no summary")
    if result.returncode != 0 and not failed:
        failed = [f"pytest exited {result.returncode}: {summary}"]
    return Outcome(config, failed, summary, log)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: chapters/ and solutions/")
    parser.add_argument("--ci", action="store_true", help="only the configurations `make test` runs")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="configurations by name")
    parser.add_argument("--list", action="store_true", help="list the matrix and stop")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)

    configs = CI_MATRIX if args.ci else MATRIX
    if args.only:
        unknown = sorted(set(args.only) - {c.name for c in MATRIX})
        if unknown:
            parser.error(f"unknown configuration {unknown}; choose from {[c.name for c in MATRIX]}")
        configs = [c for c in MATRIX if c.name in args.only]
    if args.list:
        for c in MATRIX:
            here = "" if c.runs_here() else "   (this CPU cannot run it)"
            ci = "ci" if c in CI_MATRIX else "  "
            print(f"{ci} {c.name:15} {c.example}{here}")
        return 0
    notebooks = [p.resolve() for p in args.notebooks] or NOTEBOOKS
    missing = [str(p) for p in notebooks if not p.is_file()]
    if missing:
        parser.error(f"no such notebook: {', '.join(missing)}")

    failures = 0
    for config in configs:
        if not config.runs_here():
            print(f"skipped  {config.name:15} this CPU lacks {', '.join(config.cpu_flags)}")
            continue
        outcome = run(config, notebooks, args.jobs)
        print(f"{'FAILED' if outcome.failed else 'passed'}   {config.name:15} {outcome.summary}", flush=True)
        for test_id in outcome.failed:
            print(f"         {test_id}")
        failures += bool(outcome.failed)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
