"""Site-wide invariants: migrations in step with the models, every URL closed to anonymous
users, every page well formed, the API described, security headers, login throttling."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import client_for
from tests.web.test_permissions import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast, period):
    return make_world(cast, period)


def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


# ---------------------------------------------------------------------------------------------
# Walking the resolver
# ---------------------------------------------------------------------------------------------


def named_patterns(resolver=None, namespace=""):
    """(full name, route, pattern) of every named URL pattern of the project."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            prefix = f"{namespace}{ns}:" if ns else namespace
            yield from named_patterns(p, prefix)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", p


def _kwargs(name: str, pattern: URLPattern, w) -> dict:
    """Real objects of the world for the parameters a pattern takes."""
    by_name = {
        "cycle:open_period": {"body_id": w.body.pk},
        "cycle:download": {"pk": w.jan.pk, "fmt": "docx"},
        "cycle:restore": {"pk": w.period.pk, "hid": w.first_version.history_id},
        "cycle:save": {"pk": w.sub_a.pk, "cid": w.c_a.pk},
        "cycle:report_task": {"pk": w.sub_a.pk, "tid": w.task.pk},
        "tasks:assign": {"pk": w.task.pk},
        "archive:detail": {"pk": w.archived.pk},
        "archive:download": {"pk": w.archived.pk},
        "archive:make_outline": {"pk": w.archived.pk},
    }
    if name in by_name:
        return by_name[name]
    regex = pattern.pattern.regex
    params = list(regex.groupindex)
    out = {}
    for p in params:
        if name.startswith("cycle:") and p == "pk":
            is_sub = pattern.pattern.describe().startswith("'bai/")
            out[p] = w.sub_a.pk if is_sub else w.period.pk
        elif name.startswith("api:") and p == "pk":
            out[p] = w.period.pk
        elif p == "app_label":
            out[p] = "auth"
        elif p == "content_type_id":
            out[p] = 1
        else:
            out[p] = "1"
    return out


def all_urls(w):
    urls = []
    for name, pattern in named_patterns():
        regex = pattern.pattern.regex
        try:
            if regex.groups and not regex.groupindex:  # positional groups (simple_history)
                urls.append((name, reverse(name, args=["1"] * regex.groups)))
            else:
                urls.append((name, reverse(name, kwargs=_kwargs(name, pattern, w))))
        except Exception as exc:  # pragma: no cover - a pattern the walk cannot fill
            pytest.fail(f"cannot build a URL for {name}: {exc}")
    return urls


# public by nature: the login form, logging out, choosing the language, the admin's login
PUBLIC = {"login", "logout", "set_language", "admin:login", "admin:logout"}


def _refused(name: str, response) -> bool:
    code = response.status_code
    if name == "api:api-root":
        return code == 404  # django-ninja's empty root: nothing there for anybody
    if name.startswith("api:"):
        return code == 401 or code == 405
    if code == 302:
        where = response["Location"]
        login = "/quan-tri/login/" if name.startswith("admin:") else "/dang-nhap/"
        return where.startswith(login)
    return code == 405  # POST-only views refuse GET before anything else


def test_the_walk_finds_the_projects_urls(world):
    names = {n for n, _ in all_urls(world)}
    for expected in ("home", "cycle:period", "cycle:approve", "tasks:assign", "archive:import"):
        assert expected in names
    assert any(n.startswith("api:") for n in names)
    assert any(n.startswith("admin:") for n in names)


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_named_url_refuses_an_anonymous_user(world, method):
    leaks = []
    for name, url in all_urls(world):
        if name in PUBLIC:
            continue
        if name.startswith("api:") and name.endswith(("openapi-json", "openapi-view")):
            continue  # checked below, on its own
        response = getattr(Client(), method)(url)
        if not _refused(name, response):
            leaks.append((name, url, response.status_code))
    assert leaks == []


@pytest.mark.parametrize("url", ["/api/openapi.json", "/api/docs"])
def test_the_api_description_is_not_public(db, url):
    assert Client().get(url).status_code == 401


def test_every_page_the_office_opens_has_one_h1_and_is_vietnamese(world):
    office = client_for(world.cast.compiler)
    checked = []
    for name, url in all_urls(world):
        if name == "logout" or name.startswith(("api:", "admin:")):
            continue  # JSON; Django's own admin templates
        response = office.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, name
        assert re.search(r'<html[^>]*\blang="vi"', html), name
        checked.append(name)
    for expected in (
        "home",
        "cycle:open_period",
        "cycle:period",
        "cycle:draft",
        "cycle:preview",
        "cycle:compare",
        "cycle:submission",
        "tasks:list",
        "archive:list",
        "archive:detail",
    ):
        assert expected in checked


def test_the_login_page_is_well_formed(db):
    html = Client().get("/dang-nhap/").content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1 and 'lang="vi"' in html


def test_every_api_route_is_in_the_openapi_description(world):
    spec = client_for(world.cast.compiler).get("/api/openapi.json").json()
    documented = {path for path in spec["paths"]}
    routes = set()
    for name, pattern in named_patterns():
        if not name.startswith("api:") or name.endswith(("openapi-json", "openapi-view", "root")):
            continue
        route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
        routes.add("/api/" + route)
    assert routes
    assert routes <= documented, routes - documented


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("anonymous", "/dang-nhap/"),
        ("anonymous", "/"),
        ("anonymous", "/api/periods"),
        ("compiler", "/"),
        ("compiler", "/api/periods"),
        ("compiler", "/ky/999999/"),
        ("compiler", "/luu-tru/"),
    ],
)
def test_responses_carry_a_content_security_policy(world, who, url):
    client = Client() if who == "anonymous" else client_for(world.cast.compiler)
    response = client.get(url)
    csp = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp


def _login(client, password):
    return client.post("/dang-nhap/", {"username": "compiler", "password": password})


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(cast):
    for _ in range(5):
        r = _login(Client(), "sai-mat-khau")
        assert r.status_code in (200, 429)
    c = Client()
    r = _login(c, "pw")
    assert r.status_code == 429
    assert "_auth_user_id" not in c.session
    html = r.content.decode()
    assert "Tạm khóa" in html and len(re.findall(r"<h1[\s>]", html)) == 1


def test_four_wrong_passwords_still_let_the_right_one_in(cast):
    for _ in range(4):
        assert _login(Client(), "sai-mat-khau").status_code == 200
    c = Client()
    r = _login(c, "pw")
    assert r.status_code == 302 and r["Location"] == "/"
    assert c.session["_auth_user_id"] == str(cast.compiler.pk)
