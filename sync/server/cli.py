"""``outreach-platform``: run the reference platform server and manage its database."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

PASSWORD_ENV = "OUTREACH_PLATFORM_PASSWORD"


def demo_db_url() -> str:
    from platformdirs import user_data_dir

    path = Path(user_data_dir("outreach-platform")) / "demo.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def reset_demo_db() -> None:
    """Remove the demo database: the desktop demo makes a new office and hands its work to an empty platform
    (docs/DEMO.md). The demo's signing key stays; it is registered again at start."""
    path = Path(demo_db_url().removeprefix("sqlite:///"))
    for p in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))):
        p.unlink(missing_ok=True)


def _engine(url: str):  # noqa: ANN202
    from sync.server.db import make_engine
    from sync.server.migrate import upgrade

    engine = make_engine(url)
    upgrade(engine)
    return engine


def _password() -> str:
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    first = getpass.getpass("密码：")
    if first != getpass.getpass("再次输入密码："):
        raise SystemExit("两次输入的密码不一致。")
    if not first:
        raise SystemExit("密码不能为空。")
    return first


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.app import create_app
    from sync.server.seed import seed_demo

    url = args.db or (demo_db_url() if args.demo else None)
    if not url:
        raise SystemExit("请用 --db 指定数据库（或用 --demo 运行演示库）。")
    if args.fresh:
        if args.db or not args.demo:
            raise SystemExit("--fresh 只用于演示库（--demo，不指定 --db）。")
        reset_demo_db()
    if args.demo:
        engine = _engine(url)
        added = seed_demo(engine)
        if url == demo_db_url():
            ensure_demo_key(engine, Path(demo_db_url().removeprefix("sqlite:///")).with_name("rules-signing-key.pem"))
        engine.dispose()
        logging.getLogger("outreach.platform").info("demo seeded areas=%d users=%d", added["areas"], added["users"])
    if args.workers > 1:
        from sync.server.asgi import DB_ENV, TOKEN_TTL_ENV

        if make_url_backend(url) == "sqlite":
            raise SystemExit("多个服务进程需要 PostgreSQL 数据库（SQLite 只适合单进程演示）。")
        _engine(url).dispose()  # migrate once here, not in N processes racing each other
        os.environ[DB_ENV], os.environ[TOKEN_TTL_ENV] = url, str(args.token_ttl)
        uvicorn.run("sync.server.asgi:app_from_env", factory=True, workers=args.workers, host=args.host,
                    port=args.port, log_level=args.log_level, timeout_graceful_shutdown=5)
        return 0
    app = create_app(url, token_ttl_s=args.token_ttl)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def make_url_backend(url: str) -> str:
    from sqlalchemy import make_url

    return make_url(url).get_backend_name()


def cmd_migrate(args: argparse.Namespace) -> int:
    from sync.server.migrate import current_revision

    engine = _engine(args.db)
    print(f"数据库已是最新结构：{current_revision(engine)}")
    engine.dispose()
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from sync.server.seed import seed_demo

    engine = _engine(args.db)
    added = seed_demo(engine)
    engine.dispose()
    print(json.dumps(added, ensure_ascii=False, sort_keys=True))
    return 0


def _add(db: str, add: Callable[[Engine], bool], exists: str, added: str) -> int:
    """Run one admin insert: 0 added, 1 already there, 2 refused (the reason on stderr)."""
    from sync.server.seed import SeedError

    engine = _engine(db)
    try:
        ok = add(engine)
    except SeedError as e:
        print(str(e), file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if not ok:
        print(exists, file=sys.stderr)
        return 1
    print(added)
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from sync.server.seed import add_user

    password = _password()
    return _add(args.db, lambda eng: add_user(eng, args.name, role=args.role, areas=args.area, password=password,
                                              display_name=args.display_name),
                f"用户已存在：{args.name}", f"已添加用户：{args.name}")


def cmd_area_add(args: argparse.Namespace) -> int:
    from sync.server.seed import add_area

    return _add(args.db, lambda eng: add_area(eng, args.code, args.name, args.level, args.parent),
                f"区划已存在：{args.code}", f"已添加区划：{args.code} {args.name}")


RESTORE_GAP = 1_000_000_000


def cmd_restored(args: argparse.Namespace) -> int:
    """After restoring a backup: versions continue far above anything handed out before the loss.

    Laptops keep the cursor they last pulled to, which may lie beyond the restored counter; without the jump
    the restored server would number new changes below those cursors, and those laptops would never pull them.
    """
    from sqlalchemy import select, update

    from sync.server.db import counter, writing

    engine = _engine(args.db)
    with writing(engine) as conn:
        value = int(conn.execute(select(counter.c.value).with_for_update()).scalar_one())
        conn.execute(update(counter).values(value=value + RESTORE_GAP))
    engine.dispose()
    print(f"版本计数已从 {value} 跳到 {value + RESTORE_GAP}，各电脑下次同步会取回恢复后的全部修改。")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from sync.server.stats import server_stats

    engine = _engine(args.db)
    try:
        stats = server_stats(engine, args.area)
    finally:
        engine.dispose()
    if args.json:  # same bytes as `outreach-desk stats --json` for the same records
        print(json.dumps(stats, ensure_ascii=False, sort_keys=True))
    else:
        for name, s in stats["kinds"].items():
            print(f"{name:28} {s['count']:>8} {s['digest'][:16]}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from sync.server.importer import ImportFailed, import_records, read_jsonl

    engine = _engine(args.db)
    try:
        if args.feed:
            from sync.server.feeds import import_feed

            counts = import_feed(engine, args.file, args.feed, args.by)
        elif args.file == "-":
            counts = import_records(engine, read_jsonl(sys.stdin), args.by, chunk=args.chunk)
        else:
            with open(args.file, encoding="utf-8") as f:
                counts = import_records(engine, read_jsonl(f), args.by, chunk=args.chunk)
    except ImportFailed as e:
        print(str(e), file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(json.dumps(counts, ensure_ascii=False, sort_keys=True))
    return 0


def _write_key(path: Path, engine: Engine) -> str:
    """Generate the signing key into ``path`` (owner-only) and register its public half; returns its id."""
    from app.rules import signing
    from sync.server.rules import register_key

    pem, public = signing.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    return register_key(engine, public)


def ensure_demo_key(engine: Engine, path: Path) -> Path:
    """Demo platform: a signing key next to the demo database, made once (real platforms use rules keygen)."""
    from app.rules import signing
    from sync.server.rules import register_key

    if path.exists():
        register_key(engine, signing.public_key_of(path.read_bytes()))
    else:
        _write_key(path, engine)
    return path


def cmd_rules_keygen(args: argparse.Namespace) -> int:
    path = Path(args.key)
    if path.exists():
        print(f"密钥文件已存在，不会覆盖：{path}", file=sys.stderr)
        return 1
    engine = _engine(args.db)
    try:
        kid = _write_key(path, engine)
    finally:
        engine.dispose()
    print(f"已生成规则签名密钥 {kid}：私钥在 {path}（请妥善保管，勿放入数据库或版本库），公钥已登记到平台。")
    return 0


def cmd_rules_publish(args: argparse.Namespace) -> int:
    from sync.server.rules import PublishError, publish

    try:
        text = Path(args.file).read_text(encoding="utf-8")
        pem = Path(args.key).read_bytes()
    except (OSError, UnicodeDecodeError) as e:
        print(f"无法读取文件：{e}", file=sys.stderr)
        return 2
    engine = _engine(args.db)
    try:
        new = publish(engine, text, pem, args.by)
    except PublishError as e:
        print(f"未发布：{e}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    i = new.info
    print(f"已发布 {i.label}（{i.title}，地区 {i.area}，{i.effective.isoformat()} 起）；笔记本下次同步时取得。")
    return 0


def _on(args: argparse.Namespace):  # noqa: ANN202 - a date
    import datetime as dt

    try:
        return dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        raise SystemExit(f"日期格式应为 YYYY-MM-DD：{args.date}") from None


def _set_arg(engine: Engine, ref: str):  # noqa: ANN202 - a PublishedSet
    """A rule set named on the command line: a file path, or id@version of a published one."""
    from app.rules.ruleset import RuleSetError, parse
    from sync.server.rules import PublishError, find

    path = Path(ref)
    try:
        if path.exists():
            return parse(path.read_text(encoding="utf-8"))
        return find(engine, ref)
    except (RuleSetError, PublishError, OSError, UnicodeDecodeError) as e:
        raise SystemExit(f"{ref}：{e}") from None


def cmd_rules_list(args: argparse.Namespace) -> int:
    from sync.server.rules import published, usage

    engine = _engine(args.db)
    try:
        sets, used = published(engine), usage(engine, _on(args))
    finally:
        engine.dispose()
    print("已发布的规则集：" if sets else "平台尚未发布规则集，各地使用安装包内置的规则。")
    for s in sets:
        i = s.info
        print(f"  {i.label:32} 地区 {i.area}  {i.effective.isoformat()} 起  {i.title}（来源：{i.source}）")
    print("各地区使用的规则版本：")
    for u in used:
        print(f"  {u['code']} {u['name']:10} {u['version']}")
    return 0


def cmd_rules_diff(args: argparse.Namespace) -> int:
    from app.rules.ruleset import diff
    from sync.server.rules import previous

    engine = _engine(args.db)
    try:
        new = _set_arg(engine, args.second or args.first)
        old = _set_arg(engine, args.first) if args.second else previous(engine, new)
    finally:
        engine.dispose()
    title = f"{old.info.label} → {new.info.label}" if old else f"{new.info.label}（首个版本，与安装包内置规则比较）"
    lines = diff(old, new)
    print(title)
    print("\n".join(f"  {line}" for line in lines) if lines else "  没有差别。")
    return 0


def cmd_rules_preview(args: argparse.Namespace) -> int:
    from app.rules.ruleset import RuleSetError, parse
    from sync.server.rules import preview

    try:
        new = parse(Path(args.file).read_text(encoding="utf-8"))
    except (RuleSetError, OSError, UnicodeDecodeError) as e:
        print(f"无法预览：{e}", file=sys.stderr)
        return 2
    engine = _engine(args.db)
    try:
        moved = preview(engine, new, _on(args))
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps(moved, ensure_ascii=False, sort_keys=True))
        return 0
    print(f"发布 {new.info.label} 将改变 {len(moved)} 个援助对象的办理时限：")
    for m in moved:
        print(f"  {m['case']}  地区 {m['area']}  环节 {m['stage']}  {m['now']} → {m['new']}")
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    from sync.server.devices import list_devices

    engine = _engine(args.db)
    try:
        rows = list_devices(engine)
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, sort_keys=True))
        return 0
    if not rows:
        print("还没有设备同步过。")
    for d in rows:
        flag = f"  审计异常：{d['audit_flag']}" if d["audit_flag"] else ""
        print(f"{d['device_id']}  {d['display_name']}（{d['user']}）  最近同步 {d['last_sync'] or '—'}  "
              f"{d['state_label']}{flag}")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    from sync.server.devices import revoke

    engine = _engine(args.db)
    try:
        found = revoke(engine, args.device_id, args.by)
    finally:
        engine.dispose()
    if not found:
        print(f"没有这个设备：{args.device_id}（用 device list 查看设备编号）", file=sys.stderr)
        return 1
    print(f"已停用设备：{args.device_id}。它的登录凭据已作废；再次连接时会被告知清除本机数据。")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from sync.server.scope import ROLES

    p = argparse.ArgumentParser(prog="outreach-platform", description="就业援助走访台 参考平台服务器")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="运行服务器")
    s.add_argument("--db", help="数据库 URL：sqlite:///路径 或 postgresql+psycopg://…")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--demo", action="store_true", help="写入演示区划和演示用户（密码 demo1234）")
    s.add_argument("--fresh", action="store_true",
                   help="与 --demo 一起用：先清空演示库（桌面演示新生成演示数据时使用）")
    s.add_argument("--token-ttl", type=int, default=8 * 3600, help="登录有效期（秒）")
    s.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    s.add_argument("--workers", type=int, default=1, help="服务进程数（大于 1 时需要 PostgreSQL）")
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("migrate", help="把数据库升级到最新结构")
    s.add_argument("--db", required=True)
    s.set_defaults(func=cmd_migrate)

    s = sub.add_parser("restored", help="从备份恢复数据库之后运行一次：让版本号越过恢复前发出的所有版本")
    s.add_argument("--db", required=True)
    s.set_defaults(func=cmd_restored)

    s = sub.add_parser("seed-demo", help="写入演示区划和演示用户")
    s.add_argument("--db", required=True)
    s.set_defaults(func=cmd_seed_demo)

    user = sub.add_parser("user", help="用户管理").add_subparsers(dest="user_command", required=True)
    s = user.add_parser("add", help=f"添加用户（密码从提示输入，或环境变量 {PASSWORD_ENV}）")
    s.add_argument("name")
    s.add_argument("--role", required=True, choices=ROLES)
    s.add_argument("--area", required=True, action="append", help="辖区代码，可重复")
    s.add_argument("--display-name")
    s.add_argument("--db", required=True)
    s.set_defaults(func=cmd_user_add)

    area = sub.add_parser("area", help="区划管理").add_subparsers(dest="area_command", required=True)
    s = area.add_parser("add", help="添加区划")
    s.add_argument("code")
    s.add_argument("name")
    s.add_argument("--level", required=True, choices=["province", "city", "county", "street", "community"])
    s.add_argument("--parent")
    s.add_argument("--db", required=True)
    s.set_defaults(func=cmd_area_add)

    s = sub.add_parser("import", help="导入平台已有的记录（JSON Lines，每行一条同步格式的记录），或用 --feed 导入省级数据")
    s.add_argument("file", help="JSON Lines 文件；- 表示标准输入")
    s.add_argument("--db", required=True)
    s.add_argument("--by", default="import", help="记为修改人的名称（默认 import）")
    s.add_argument("--chunk", type=int, default=5000, help="每个事务导入的记录数")
    s.add_argument("--feed", choices=["social-insurance", "business-registration", "registration-application",
                                      "anomaly"],
                   help="导入省级数据（CSV/XLSX/XLS）：社保参保、工商注册（比对出结果）、部推失业登记申请、异常反馈")
    s.set_defaults(func=cmd_import)

    rules = sub.add_parser("rules", help="规则集：节假日安排、认定条件、时限等（docs/RULES.md）").add_subparsers(
        dest="rules_command", required=True)
    s = rules.add_parser("keygen", help="生成规则签名密钥（私钥写入文件，公钥登记到平台）")
    s.add_argument("--db", required=True)
    s.add_argument("--key", required=True, help="私钥文件路径（放在数据库之外，仅管理员可读）")
    s.set_defaults(func=cmd_rules_keygen)
    s = rules.add_parser("publish", help="检查、签名并发布一个规则集文件")
    s.add_argument("file")
    s.add_argument("--db", required=True)
    s.add_argument("--key", required=True, help="rules keygen 生成的私钥文件")
    s.add_argument("--by", default="admin", help="记为发布人的名称")
    s.set_defaults(func=cmd_rules_publish)

    s = rules.add_parser("list", help="已发布的规则集，以及各地区（省、市、县）使用的规则版本")
    s.add_argument("--db", required=True)
    s.add_argument("--date", help="按哪一天计算（默认今天）")
    s.set_defaults(func=cmd_rules_list)
    s = rules.add_parser("diff", help="两个版本的差别：diff 旧 新（文件路径或 编号@版本；只给一个时与它的上一版比较）")
    s.add_argument("first")
    s.add_argument("second", nargs="?")
    s.add_argument("--db", required=True)
    s.set_defaults(func=cmd_rules_diff)
    s = rules.add_parser("preview", help="预览：发布这个规则集（如新的节假日安排）会改变哪些办理时限")
    s.add_argument("file")
    s.add_argument("--db", required=True)
    s.add_argument("--date", help="按哪一天计算（默认今天）")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_rules_preview)

    device = sub.add_parser("device", help="设备（笔记本）管理").add_subparsers(dest="device_command",
                                                                          required=True)
    s = device.add_parser("list", help="列出同步过的设备：使用人、最近同步、状态、审计记录链是否异常")
    s.add_argument("--db", required=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_device_list)
    s = device.add_parser("revoke", help="停用设备（笔记本丢失）：凭据立即作废，再次连接时清除本机数据")
    s.add_argument("device_id")
    s.add_argument("--by", default="admin", help="记为操作人的名称")
    s.add_argument("--db", required=True)
    s.set_defaults(func=cmd_device_revoke)

    s = sub.add_parser("stats", help="某地区各类记录数量与摘要（不含个人信息）")
    s.add_argument("--db", required=True)
    s.add_argument("--area", required=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_stats)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
