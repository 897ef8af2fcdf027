"""Server commands of `baocao`: migrate, demo, serve, backup, restore, load-org, manage.

They wrap Django; `baocao import|render|check` in `cli.py` need no database.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baocao.web.settings")
    import django

    django.setup()


def register(app: typer.Typer) -> None:
    app.command()(migrate)
    app.command()(demo)
    app.command()(serve)
    app.command()(backup)
    app.command()(restore)
    app.command("load-org")(load_org)
    app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(manage)


def migrate() -> None:
    """Tạo hoặc nâng cấp cơ sở dữ liệu (SQLite mặc định, PostgreSQL qua DATABASE_URL)."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    typer.echo("baocao: cơ sở dữ liệu đã sẵn sàng")


def demo(
    no_pdf: Annotated[
        bool, typer.Option("--no-pdf", help="Không tạo .pdf (không cần LibreOffice)")
    ] = False,
) -> None:
    """Nạp dữ liệu mẫu (huyện của báo cáo mẫu); chạy lại không tạo trùng."""
    setup_django()
    from baocao.org.demo import demo_password, load_demo

    with_pdf = not no_pdf and bool(shutil.which("soffice"))
    created, accounts = load_demo(with_pdf=with_pdf)
    typer.echo(
        "baocao: đã nạp dữ liệu mẫu" if created else "baocao: dữ liệu mẫu đã có, không nạp lại"
    )
    typer.echo(f"Tài khoản mẫu (mật khẩu chung: {demo_password()}; đổi bằng BAOCAO_DEMO_PASSWORD):")
    for username, role, where in accounts:
        typer.echo(f"  {username:<14} {role:<28} {where}")


def serve(
    host: Annotated[str, typer.Option(help="Địa chỉ lắng nghe")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Cổng")] = 8000,
    workers: Annotated[int, typer.Option(help="Số tiến trình gunicorn")] = 2,
    threads: Annotated[int, typer.Option(help="Số luồng mỗi tiến trình")] = 4,
) -> None:
    """Chạy máy chủ web (gunicorn, không phải máy chủ phát triển của Django)."""
    setup_django()
    from django.core.checks import run_checks

    for message in run_checks(include_deployment_checks=False):
        typer.echo(f"baocao: {message}", err=True)
    typer.echo(f"baocao: phục vụ tại http://{host}:{port}/")
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "baocao.web.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--access-logfile",
        "-",
        "--timeout",
        "120",
    ]
    os.execv(sys.executable, args)


def backup(file: Annotated[Path, typer.Argument(help="Tệp sao lưu (.json)")]) -> None:
    """Sao lưu toàn bộ dữ liệu (kể cả tệp đã ban hành) ra một tệp JSON."""
    setup_django()
    from baocao.web.backup import dump

    try:
        count = dump(file)
    except OSError as exc:
        typer.echo(f"baocao: {file}: không ghi được ({exc})", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"baocao: đã sao lưu {count} bản ghi vào {file}")


def restore(
    file: Annotated[Path, typer.Argument(help="Tệp sao lưu do `baocao backup` tạo")],
) -> None:
    """Khôi phục dữ liệu từ tệp sao lưu (thay toàn bộ dữ liệu hiện có)."""
    setup_django()
    from baocao.web.backup import BackupError, load

    try:
        count = load(file)
    except BackupError as exc:
        typer.echo(f"baocao: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"baocao: đã khôi phục {count} bản ghi từ {file}")


def load_org(
    file: Annotated[Path, typer.Argument(help="Tệp YAML hoặc CSV: cơ quan, đơn vị, người dùng")],
    password: Annotated[
        str | None, typer.Option(help="Mật khẩu ban đầu cho người dùng mới (buộc đổi sau)")
    ] = None,
) -> None:
    """Nạp cơ quan, đơn vị và người dùng từ tệp YAML/CSV."""
    setup_django()
    from baocao.org.loading import LoadError, load_file

    try:
        counts = load_file(file, password)
    except LoadError as exc:
        typer.echo(f"baocao: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(
        f"baocao: {counts['bodies']} cơ quan, {counts['units']} đơn vị, {counts['people']} người"
    )


def manage(ctx: typer.Context) -> None:
    """Lệnh quản trị Django (vd: baocao manage createsuperuser)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["baocao manage", *ctx.args])
