"""What bench/scale_out.py prints for each check, and the violations it finds in the figures."""

from __future__ import annotations

from crash_loop import Figures

VISIBLE_WITHIN = 2.0  # seconds (issue 14)


def numbering_report(args, figures: Figures, per_target, report, posts, duration) -> list[str]:
    violations = list(figures.failures)
    rows: dict[str, list[str]] = report["rows"]
    for index, number in sorted(figures.receipts.items()):
        stored = rows.get(str(index), [])
        if number not in stored:
            violations.append(f"acknowledged {number} (submission {index}) is not stored")
        elif len(stored) > 1:
            violations.append(f"submission {index} stored {len(stored)}×")
    violations += [f"numbering: {gap}" for gap in report["gaps"]]
    violations += [f"duplicate number: {n}" for n in report["duplicate_numbers"]]
    if figures.acknowledged != args.count:
        violations.append(f"only {figures.acknowledged} of {args.count} submissions acknowledged")
    via_nginx = {name: posts[name] - per_target[name] for name in ("A", "B")}
    if min(via_nginx.values()) <= 0:
        violations.append(f"nginx did not send submissions to both servers: {via_nginx}")
    print(f"a. numbering: {args.count} submissions, {args.clients} at once, {duration:.1f} s")
    print(
        f"   acknowledged {figures.acknowledged} (via nginx {per_target['nginx']}, "
        f"A {per_target['A']}, B {per_target['B']}); answered by A {posts['A']}, B {posts['B']}"
        f" (of those via nginx: A {via_nginx['A']}, B {via_nginx['B']})"
    )
    stored_rows = sum(len(v) for v in rows.values())
    print(
        f"   stored rows {stored_rows}; all requests {report['total_requests']}; gaps "
        f"{len(report['gaps'])}; duplicate numbers {len(report['duplicate_numbers'])}"
    )
    return violations


def publish_report(published: dict, staff: dict) -> list[str]:
    violations = []
    print(f"b. publish on A (admin bulk publish of page {staff['page_id']} {staff['path']}):")
    print(f"   HTTP {published['status']} in {published['publish_ms']:.0f} ms")
    if published["status"] != 302:
        violations.append(f"publish through A's admin answered {published['status']}")
    for target in ("B", "nginx", "A"):
        delay = published["delay"].get(target)
        polls = published["polls_before"][target]
        codes = published["statuses"][target]
        if codes != [200]:
            violations.append(f"the page via {target} answered HTTP {codes}")
        if delay is None:
            print(f"   via {target:<5}: not visible after 10 s ({polls} polls, HTTP {codes})")
            violations.append(f"publish not visible via {target} after 10 s")
            continue
        print(
            f"   via {target:<5}: visible {delay * 1000:.0f} ms after the publish answered "
            f"({polls} polls of the old page before, HTTP {codes})"
        )
        if delay > VISIBLE_WITHIN:
            violations.append(f"publish visible via {target} only after {delay:.2f} s")
    if published["seen_before_publish"]:
        violations.append(f"the draft showed before publishing: {published['seen_before_publish']}")
    if not published["polls_before"]["B"]:
        violations.append("B never served the old page: the check proves nothing")
    return violations


def files_report(files: dict) -> list[str]:
    violations = []
    print(f"c. files: image upload on A HTTP {files['upload_status']}, id {files['image_id']}")
    print(f"   image in S3 {files['image_in_s3']} ({files['image_name']})")
    print(
        f"   B's admin page of the image HTTP {files['image_page']}, S3 address "
        f"{files['image_url'][:70]}… → HTTP {files.get('image_served')} "
        f"{files.get('image_type', '')}"
    )
    print(
        f"   KTP scans: {files['scans']} rows, {files['private_objects']} objects in the private "
        f"bucket; scan of request {files['scan_request']} in S3 {files['scan_in_s3']}"
    )
    print(
        f"   B's authorised view: HTTP {files.get('scan_view')} (PNG {files.get('scan_is_png')}),"
        f" anonymous HTTP {files.get('scan_anonymous')}; public grant on the object "
        f"{files.get('scan_public_grant')}"
    )
    print(f"   files on the servers' disks: {len(files['local_files'])}")
    if files["upload_status"] != 302:
        violations.append(f"image upload through A's admin answered {files['upload_status']}")
    if not files["image_in_s3"]:
        violations.append("the uploaded image is not in the public bucket")
    if files.get("image_served") != 200 or not files.get("image_type", "").startswith("image/"):
        violations.append("B's page does not name an S3 address that serves the image")
    if not files["scan_in_s3"] or files["private_objects"] < files["scans"]:
        violations.append("KTP scans missing from the private bucket")
    if files.get("scan_view") != 200 or not files.get("scan_is_png"):
        violations.append("B's authorised view does not serve the scan")
    if files.get("scan_anonymous") == 200:
        violations.append("the scan is served to an anonymous visitor")
    if files.get("scan_public_grant"):
        violations.append("the scan's S3 object is public")
    violations += [f"file on local disk: {path}" for path in files["local_files"]]
    return violations


def session_report(statuses: dict[str, int]) -> list[str]:
    print(
        "d. session made on A (password + TOTP), admin home with its cookies: "
        + ", ".join(f"{target} HTTP {status}" for target, status in statuses.items())
    )
    return [
        f"A's staff session is not valid via {target} (HTTP {status})"
        for target, status in statuses.items()
        if status != 200
    ]


def replica_report(replica: dict) -> list[str]:
    """e. reads on the replica, f. the replica down (absent with --replica none)."""
    violations: list[str] = []
    reads = replica.get("reads")
    if reads is None:
        print("e. read replica: none configured (--replica none)")
        return violations
    statuses = reads["statuses"]
    bad = {target: codes for target, codes in statuses.items() if set(codes) != {200}}
    if bad:
        violations.append(f"anonymous pages with the replica answered {bad}")
    pages = sum(len(codes) for codes in statuses.values())
    if reads["mode"] == "readonly":
        print(
            f"e. read replica (read-only connection to the same server): {pages} anonymous "
            f"pages on A and B in {reads['seconds']:.1f} s; replica connections open "
            f"{reads['replica_connections']}"
        )
        if reads["replica_connections"] <= 0:
            violations.append("no app server opened a connection to the replica")
        return violations
    lag = reads["replication"]
    print(
        f"e. read replica (streaming standby): {pages} anonymous pages on A and B in "
        f"{reads['seconds']:.1f} s; replication {lag.get('state')}, replay lag "
        f"{lag.get('replay_lag_ms', 0):.1f} ms, {lag.get('behind_bytes', 0)} bytes behind"
    )
    if "statements" in reads:
        counts = reads["statements"]
        on_replica, on_primary = counts["replica"], counts["primary"]
        print(
            f"   statements run (pg_stat_statements): on the standby {on_replica['all']} "
            f"({on_replica['pages']} on the page table), on the primary {on_primary['all']} "
            f"({on_primary['pages']})"
        )
        reached, leaked = on_replica["pages"], on_primary["all"]
    else:
        scans = reads["scans"]
        print(
            f"   page-table scans (pg_stat_user_tables): on the standby +{scans['replica']}, "
            f"on the primary +{scans['primary']}"
        )
        reached, leaked = scans["replica"], scans["primary"]
    if reached <= 0:
        violations.append("anonymous page reads did not reach the replica")
    if leaked > 0:
        violations.append(f"anonymous page reads ran {leaked} statement(s) on the primary")
    if lag.get("state") != "streaming":
        violations.append(f"the standby is not streaming: {lag}")
    down = replica.get("down")
    if down is None:
        return violations
    statuses = down["statuses"]
    ready = down["ready"]
    print(
        f"f. replica down: {sum(len(c) for c in statuses.values())} pages on A and B in "
        f"{down['seconds']:.1f} s, HTTP {sorted({c for v in statuses.values() for c in v})}; "
        f"/healthz/ready HTTP {down['ready_status']} status {ready.get('status')} replica "
        f"{ready.get('replica')}"
    )
    bad = {target: codes for target, codes in statuses.items() if set(codes) != {200}}
    if bad:
        violations.append(f"with the replica down, pages answered {bad}")
    if down["ready_status"] != 200 or ready.get("status") != "degraded":
        violations.append(f"/healthz/ready with the replica down: {down['ready_status']} {ready}")
    if ready.get("replica", {}).get("ok") is not False:
        violations.append("/healthz/ready did not report the replica down")
    return violations
