#!/usr/bin/env python3
"""svwizard's speed, measured the same way on any machine.

Prints each figure of the performance table in the README: start-up as a ratio to a Swift hello
world built here with `swiftc -O`, a whole scripted response, the time from Enter to the next
prompt in an interactive response, `validate` against a plain Python validator, bundles a second
for 1,000 bundles in one process, peak memory and the binary's size. Ratios are used where the
machine is noisy; each is the median of paired runs (the two commands run one after the other,
many times).

    swift build -c release --static-swift-stdlib
    python3 Benchmarks/benchmark.py                      # the figures for the README
    python3 Benchmarks/benchmark.py --quick --binary .build/debug/svwizard   # a smoke test (CI)

Everything it makes (answers files, bundles, a private HOME) goes into a temporary folder.
"""
import argparse
import glob
import json
import os
import pty
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import validate_bundle  # noqa: E402  (the plain Python validator compared against)


def run(command, env, **kw):
    return subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def timed(command, env):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(command)} failed with status {result.returncode}")
    return elapsed


def paired(a, b, env, runs):
    """Median of b/a over paired runs, and the medians of each in ms."""
    ratios, ta, tb = [], [], []
    for _ in range(runs):
        x, y = timed(a, env), timed(b, env)
        ta.append(x)
        tb.append(y)
        ratios.append(y / x)
    return statistics.median(ratios), statistics.median(ta) * 1000, statistics.median(tb) * 1000


def hello_world(folder):
    source = os.path.join(folder, "hello.swift")
    with open(source, "w") as f:
        f.write('print("Hello, world!")\n')
    binary = os.path.join(folder, "hello")
    subprocess.run(["swiftc", "-O", source, "-o", binary], check=True, cwd=folder)
    return binary


# ---------------------------------------------------------------------------------------------
# The 18-measure, 3-year response the figures use.

LONG = ("We will recruit through the local jobs hub and the college, with a named mentor for each "
        "person, a first-week induction and monthly reviews with the contract manager. ")


def answers_file(measures, years, name="Benchmark Builders Ltd", text_repeat=6):
    """An answers file committing to every measure in `measures` (from `svwizard measures --json`)."""
    lines = ["tender:", "  buyer: Rotherham Metropolitan Borough Council", "  reference: BENCH-001",
             "  title: Benchmark works", "  value: 4500000", "  startDate: 1 April 2026", f"  years: {years}",
             "supplier:", f"  name: {name}", "  postcode: S60 1AE", "  size: medium", "  type: company",
             "  workforce: 400", "  newHires: 200", "  livingWage: some",
             "measures: [" + ", ".join(m["reference"] for m in measures) + "]", "commitments:"]
    long_text = (LONG * text_repeat).strip()
    hiring = 0
    for m in measures:
        ref = m["reference"]
        lines.append(f"  {ref}:")
        placement = m.get("placementWeeks")
        if placement:
            weeks = placement.get("minimum", 1) if placement.get("maximum") is None else min(2, placement["maximum"])
            lines += [f"    placements: {years}", f"    weeksEach: {weeks}"]
            quantities = [weeks] * years
        elif m["counting"]["basis"] == "firstYearOfEmployment":
            hiring += 1
            lines.append(f"    people: {years}")
            quantities = [1] * years
        elif m["unit"] == "pounds":
            quantities = [10000] * years
        else:
            quantities = [2] * years
        if m.get("ageBand"):
            lines.append("    ageBandConfirmed: yes")
        lines.append("    quantity: [" + ", ".join(str(q) for q in quantities) + "]")
        lines.append(f"    delivery: {json.dumps(long_text)}")
        lines.append("    partner: Rotherham College")
        lines.append(f"    evidence: {json.dumps(long_text)}")
    if hiring > 1:
        lines.append("peopleCountedTwice: 0")
    lines.append(f"deliveryDocument: {json.dumps(long_text)}")
    return "\n".join(lines) + "\n"


def make_bundle(binary, env, folder, measures, years, name, index):
    answers = os.path.join(folder, f"answers-{index}.yaml")
    with open(answers, "w") as f:
        f.write(answers_file(measures, years, name=name))
    draft = os.path.join(folder, f"bid-{index}.svdraft.json")
    bundle = os.path.join(folder, f"bid-{index}.svbundle.zip")
    result = run([binary, "respond", "--answers", answers, "--no-input", "--draft", draft], env)
    if result.returncode != 0:
        raise SystemExit("respond failed:\n" + result.stdout.decode() + result.stderr.decode())
    result = run([binary, "export", draft, "--output", bundle], env)
    if result.returncode != 0:
        raise SystemExit("export failed:\n" + result.stdout.decode() + result.stderr.decode())
    return answers, draft, bundle


# ---------------------------------------------------------------------------------------------
# Enter to the next prompt, at a pseudo-terminal.

class Terminal:
    def __init__(self, command, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(command[0], command, env)
        self.screen = b""

    def read_until(self, marker, timeout=30):
        deadline = time.perf_counter() + timeout
        while marker not in self.screen:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SystemExit(f"timed out waiting for {marker!r}; the screen ends:\n{self.screen[-2000:].decode(errors='replace')}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise SystemExit("svwizard ended early:\n" + self.screen[-2000:].decode(errors="replace"))
                self.screen += chunk

    def answer(self, text, next_marker):
        """Types `text` and Enter; the seconds until `next_marker` appears after it."""
        self.screen = b""
        start = time.perf_counter()
        os.write(self.fd, text.encode() + b"\r")
        self.read_until(next_marker)
        return time.perf_counter() - start

    def close(self):
        try:
            os.write(self.fd, b"quit\r")
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def enter_to_prompt(binary, env, folder, measures, years):
    """Median ms from Enter to the next prompt while answering every year's quantity of every measure."""
    tender = os.path.join(folder, "tender.json")
    with open(tender, "w") as f:
        json.dump({"buyer": "Rotherham MBC", "reference": "BENCH-002", "title": "Benchmark works", "contractValue": "4500000",
                   "startDate": "2026-04-01", "years": years, "adoptedMeasures": [m["reference"] for m in measures]}, f)
    draft = os.path.join(folder, "typed.svdraft.json")
    terminal_env = dict(env, TERM="xterm", COLUMNS="100", LINES="40")
    terminal = Terminal([binary, "respond", "--tender", tender, "--draft", draft], terminal_env)
    times = []
    try:
        terminal.read_until(b"Answer")
        for answer in ["Benchmark Builders Ltd", "S60 1AE", "medium", "company", "400", "200", "some"]:
            terminal.answer(answer, b"Answer")
        all_measures = ", ".join(m["reference"] for m in measures)
        terminal.answer(all_measures, b"Answer")
        # Each measure: its facts, then each year's quantity; the quantities are what is timed.
        for m in measures:
            while True:
                screen = terminal.screen.decode(errors="replace")
                if "placements will you offer" in screen:
                    terminal.answer(str(years), b"Answer")
                elif "weeks will each placement" in screen:
                    terminal.answer("2" if (m.get("placementWeeks") or {}).get("maximum") else "6", b"Answer")
                elif "different people" in screen:
                    terminal.answer(str(years), b"Answer")
                elif "Will everyone you count" in screen:
                    terminal.answer("yes", b"Answer")
                else:
                    break
            for year in range(years):
                quantity = {"pounds": "10000"}.get(m["unit"], "2")
                if m.get("placementWeeks"):
                    quantity = "2" if m["placementWeeks"].get("maximum") else "6"
                if m["counting"]["basis"] == "firstYearOfEmployment":
                    quantity = "1"
                times.append(terminal.answer(quantity, b"Answer"))
            terminal.answer("Delivered by our site team with the college.", b"|")
            terminal.answer("", b"Answer")
            terminal.answer("Rotherham College", b"Answer")
            terminal.answer("Timesheets and invoices.", b"|")
            terminal.answer("", b"Answer")
    finally:
        terminal.close()
    return statistics.median(times) * 1000, len(times)


# ---------------------------------------------------------------------------------------------

def peak_memory_kb(command, env):
    """Peak resident memory of one run of `command`, in KB (from GNU time's report via wait4)."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss


def spending_file(path, rows):
    """A council's published spending: `rows` payments, in the columns such files use."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Payment Date,Supplier Name,Expense Type,Amount,Transaction Number,Supplier Postcode\n")
        for i in range(rows):
            f.write(f"{1 + i % 28:02d}/{1 + i % 12:02d}/2025,Supplier {i % 5000},Works,{i % 9000 + 1}.{i % 90 + 10},T{i},S{60 + i % 20} 1AE\n")


def plain_spend_import(csv_path, db_path):
    """The plain reference: Python's csv and sqlite3 reading the same file into a table, one transaction."""
    import csv
    import sqlite3
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE IF NOT EXISTS payment (fingerprint TEXT PRIMARY KEY, paid_on TEXT, supplier TEXT, postcode TEXT, "
               "amount_pence INTEGER, category TEXT, reference TEXT)")
    with open(csv_path, encoding="utf-8", newline="") as f, db:
        rows = csv.reader(f)
        next(rows)
        for date, supplier, category, amount, reference, postcode in rows:
            day, month, year = date.split("/")
            pence = round(float(amount) * 100)
            db.execute("INSERT OR IGNORE INTO payment VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (f"{date}|{supplier}|{amount}|{category}|{reference}", f"{year}-{month}-{day}", supplier, postcode, pence, category, reference))
    db.close()


def postgres_programs():
    """The folder of PostgreSQL's server programs (initdb, pg_ctl), or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True) + os.environ.get("PATH", "").split(":")
    for folder in candidates:
        if os.access(os.path.join(folder, "initdb"), os.X_OK) and os.access(os.path.join(folder, "pg_ctl"), os.X_OK):
            return folder
    return None


def shared_register(binary, env, work, sqlite_path, contracts, report, repeats):
    """The same annual report from a PostgreSQL register (a throwaway server on a Unix socket, as
    the tests start), and what a contract costs in each store."""
    rows = [(f"register size per contract, SQLite ({contracts:,} contracts)",
             f"{os.path.getsize(sqlite_path) / contracts / 1024:.0f} KB", "no target")]
    programs = postgres_programs()
    if programs is None:
        rows.append(("shared register (PostgreSQL)", "not run: no PostgreSQL server programs here", "< 1 s"))
        return rows
    # A folder of its own that the server's user can reach (the benchmark's own is private to this user).
    folder = tempfile.mkdtemp(prefix="svwizard-bench-pg-")
    os.chmod(folder, 0o755)
    socket = os.path.join(folder, "socket")
    os.makedirs(socket)
    as_server = []
    if os.getuid() == 0:  # PostgreSQL will not run as root
        user = "postgres" if subprocess.run(["id", "postgres"], capture_output=True).returncode == 0 else "nobody"
        subprocess.run(["chown", "-R", f"{user}:", folder], check=True)
        as_server = ["runuser", "-u", user, "--"]
    data = os.path.join(folder, "data")
    subprocess.run(as_server + [os.path.join(programs, "initdb"), "-D", data, "-U", "svwizard", "--auth-local=trust", "-E", "UTF8",
                                "--locale=C", "--no-sync"], check=True, capture_output=True)
    subprocess.run(as_server + [os.path.join(programs, "pg_ctl"), "-D", data, "-l", os.path.join(folder, "log"), "-w", "-o",
                                f"-k {socket} -c listen_addresses=''", "start"], check=True, capture_output=True)
    try:
        subprocess.run(["psql", "-X", "-q", "-h", socket, "-U", "svwizard", "-d", "postgres", "-c", "CREATE DATABASE bench"], check=True)
        address = f"postgresql://svwizard@/bench?host={socket}"
        start = time.perf_counter()
        copied = run([binary, "register", "copy", sqlite_path, address], env)
        if copied.returncode != 0:
            raise SystemExit("register copy failed:\n" + copied.stderr.decode()[-2000:])
        copy_s = time.perf_counter() - start
        shared = [report[0], "report", "--register", address] + report[4:]
        times = [timed(shared, env) for _ in range(repeats)]
        rows.append((f"annual report over {contracts:,} contracts on PostgreSQL (copied there in {copy_s:.0f} s)",
                     f"{statistics.median(times) * 1000:.0f} ms", "< 1 s"))
        size = subprocess.run(["psql", "-X", "-A", "-t", "-h", socket, "-U", "svwizard", "-d", "bench", "-c",
                               "SELECT pg_database_size('bench')"], check=True, capture_output=True).stdout.decode().strip()
        rows.append((f"register size per contract, PostgreSQL ({contracts:,} contracts)", f"{int(size) / contracts / 1024:.0f} KB", "no target"))
    finally:
        subprocess.run(as_server + [os.path.join(programs, "pg_ctl"), "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "svwizard"))
    parser.add_argument("--quick", action="store_true", help="few runs and a small corpus: checks the benchmark works")
    parser.add_argument("--bundles", type=int, default=1000, help="bundles validated in one process")
    parser.add_argument("--contracts", type=int, default=10000, help="contracts in the sample register the annual report runs on")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.path.exists(binary):
        raise SystemExit(f"There is no svwizard at {binary}. Build it first: swift build -c release --static-swift-stdlib")
    runs = 5 if args.quick else 40
    count = 20 if args.quick else args.bundles

    work = tempfile.mkdtemp(prefix="svwizard-bench-")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work, "XDG_DATA_HOME": os.path.join(work, "data"),
           "XDG_CONFIG_HOME": os.path.join(work, "config"), "LANG": "C.UTF-8", "NO_COLOR": "1"}
    try:
        measures = json.loads(run([binary, "measures", "--json"], env).stdout)["measures"]
        years = 3
        rows = []
        hello = hello_world(work)

        for name, command in [("svwizard --version", [binary, "--version"]), ("svwizard measures", [binary, "measures"])]:
            ratio, hello_ms, ms = paired([hello], command, env, runs)
            rows.append((f"{name} vs hello world", f"{ratio:.1f}x ({ms:.1f} ms; hello world {hello_ms:.1f} ms)", "<= 3x"))

        # A whole scripted response, 18 measures, 3 years: respond --no-input, then export.
        answers, draft, bundle = make_bundle(binary, env, work, measures, years, "Benchmark Builders Ltd", 0)
        totals = []
        for _ in range(max(3, runs // 4)):
            os.remove(draft)
            totals.append(timed([binary, "respond", "--answers", answers, "--no-input", "--draft", draft], env)
                          + timed([binary, "export", draft, "--output", bundle], env))
        rows.append(("respond --answers --no-input + export (18 measures, 3 years)",
                     f"{statistics.median(totals) * 1000:.0f} ms", "< 60 ms"))

        enter_ms, answered = enter_to_prompt(binary, env, work, measures, years)
        rows.append((f"Enter to the next prompt ({answered} quantities typed)", f"{enter_ms:.1f} ms (median)", "< 10 ms"))

        # One bundle: svwizard validate against the plain Python validator.
        size_kb = os.path.getsize(bundle) / 1024
        python = [sys.executable, os.path.join(HERE, "validate_bundle.py"), bundle]
        if validate_bundle.validate(bundle)["status"] != "valid":
            raise SystemExit("the Python validator does not find the benchmark bundle valid")
        ratio, python_ms, swift_ms = paired(python, [binary, "validate", bundle], env, runs)
        rows.append((f"validate one bundle ({size_kb:.0f} KB) vs Python validator",
                     f"{ratio:.2f}x ({swift_ms:.1f} ms; Python {python_ms:.1f} ms)", "< 1x (faster)"))

        # Many bundles in one process: ten different bids, each copied to make the corpus.
        corpus = os.path.join(work, "corpus")
        os.makedirs(corpus)
        distinct = [make_bundle(binary, env, work, measures, years, f"Supplier {i} Ltd", i + 1)[2] for i in range(min(10, count))]
        paths = []
        for i in range(count):
            path = os.path.join(corpus, f"bid-{i:04d}.svbundle.zip")
            shutil.copyfile(distinct[i % len(distinct)], path)
            paths.append(path)
        # The median of five runs: one run of about a second moves with whatever else the machine does.
        times = []
        for _ in range(3 if args.quick else 5):
            start = time.perf_counter()
            result = run([binary, "validate", "--json"] + paths, env)
            times.append(time.perf_counter() - start)
            if result.returncode != 0:
                raise SystemExit("validate of the corpus failed:\n" + result.stderr.decode()[-2000:])
        elapsed = statistics.median(times)
        rows.append((f"validate {count} bundles in one process (median of {len(times)} runs)",
                     f"{count / elapsed:.0f} bundles/s ({elapsed * 1000 / count:.2f} ms each; runs {min(times):.2f} to {max(times):.2f} s)",
                     ">= 1,000 bundles/s"))
        one = peak_memory_kb([binary, "validate", paths[0]], env)
        many = peak_memory_kb([binary, "validate"] + paths, env)
        rows.append((f"peak memory, validate of 1 and of {count} bundles", f"{one / 1024:.0f} MB and {many / 1024:.0f} MB", "flat"))
        # The annual report over a sample register (18 measures, quarterly returns): generated once,
        # then reported on several times; memory compared with a register a tenth of the size.
        contracts = 100 if args.quick else args.contracts
        registers = {}
        for n in sorted({max(contracts // 10, 1), contracts}):
            path = os.path.join(work, f"sample-{n}.sqlite")
            start = time.perf_counter()
            made = run([binary, "register", "sample", path, "--contracts", str(n)], env)
            if made.returncode != 0:
                raise SystemExit("register sample failed:\n" + made.stderr.decode()[-2000:])
            registers[n] = (path, time.perf_counter() - start)
        path, made_in = registers[contracts]
        report = [binary, "report", "--register", path, "--year", "2025/26"]
        times = [timed(report, env) for _ in range(3 if args.quick else 7)]
        rows.append((f"annual report over {contracts:,} contracts x 18 measures (register made in {made_in:.0f} s)",
                     f"{statistics.median(times) * 1000:.0f} ms", "< 1 s"))
        mid_year = [timed(report + ["--mid-year"], env) for _ in range(3 if args.quick else 7)]
        rows.append(("  the mid-year report (December to May), same register", f"{statistics.median(mid_year) * 1000:.0f} ms", "< 1 s"))
        written = os.path.join(work, "report-files")
        start = time.perf_counter()
        if run(report + ["--output", written], env).returncode != 0:
            raise SystemExit("report --output failed")
        csv_mb = os.path.getsize(os.path.join(written, "report.csv")) / 1_048_576
        rows.append(("  the same, writing report.html, .md, .json and .csv", f"{(time.perf_counter() - start) * 1000:.0f} ms (report.csv {csv_mb:.0f} MB)",
                     "no target"))
        small = peak_memory_kb([binary, "report", "--register", registers[min(registers)][0], "--year", "2025/26"], env)
        large = peak_memory_kb(report, env)
        rows.append((f"peak memory, report over {min(registers):,} and {contracts:,} contracts", f"{small / 1024:.0f} MB and {large / 1024:.0f} MB",
                     "flat"))
        rows += shared_register(binary, env, work, path, contracts, report, 3 if args.quick else 7)
        # The council's spending: a 1,000,000-row file (100,000 for --quick), streamed into the register,
        # beside Python's csv and sqlite3 doing the same reading and inserting.
        spend_rows = 100_000 if args.quick else 1_000_000
        spend_csv = os.path.join(work, "spend.csv")
        spending_file(spend_csv, spend_rows)
        spend_register = os.path.join(work, "spend.sqlite")
        start = time.perf_counter()
        process = subprocess.Popen([binary, "spend", "import", spend_csv, "--register", spend_register], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        spend_s = time.perf_counter() - start
        if status != 0:
            raise SystemExit("spend import failed")
        start = time.perf_counter()
        plain_spend_import(spend_csv, os.path.join(work, "plain.sqlite"))
        plain_s = time.perf_counter() - start
        rows.append((f"spend import of {spend_rows:,} rows ({os.path.getsize(spend_csv) / 1_048_576:.0f} MB) vs Python csv + sqlite3",
                     f"{spend_s:.1f} s, peak {usage.ru_maxrss / 1024:.0f} MB (Python {plain_s:.1f} s)", "memory flat, < 100 MB"))
        size = os.path.getsize(binary) / 1_048_576
        stripped = os.path.join(work, "svwizard-stripped")
        subprocess.run(["strip", "-o", stripped, binary], check=True)
        rows.append(("binary size, as built and stripped for installs", f"{size:.1f} MB and {os.path.getsize(stripped) / 1_048_576:.1f} MB",
                     "stripped for installs"))

        width = max(len(r[0]) for r in rows)
        print(f"svwizard benchmark: {binary}")
        print(f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}; {'quick smoke run' if args.quick else f'{runs} paired runs'}")
        for what, figure, target in rows:
            print(f"  {what.ljust(width)}  {figure}  (target {target})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
