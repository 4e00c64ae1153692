"""Sidebar settings in a real browser: they change the numbers, survive page switches, travel in share links,
and never leak from one session to another."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from labtools import harness
from xorcore import Config

NUMBER = re.compile(r"-?\d+\.\d{3,}")


def numbers(page) -> list[str]:
    """Every decimal number with 3+ decimals on the main area, in order."""
    return NUMBER.findall(harness.main_text(page))


def sidebar_values(page) -> dict[str, str]:
    """What the sidebar shows for every setting."""
    return {
        "seed": harness.number_value(page, "seed"),
        "activation": harness.selected(page, "activation"),
        "optimizer": harness.selected(page, "optimizer"),
        "lr": harness.slider_value(page, "lr"),
        "epochs": harness.number_value(page, "epochs"),
        "hidden": harness.slider_value(page, "hidden"),
    }


def test_learning_rate_and_activation_change_the_numbers(tab):
    t = tab().open("training", lang="English")
    page = t.page
    before = numbers(page)
    assert before, "the Training page shows no numbers"
    harness.slide(page, "lr", "ArrowRight")  # 0.01 -> 0.02
    t.check("e2e-lr-changed")
    assert harness.slider_value(page, "lr") == "0.02"
    after_lr = numbers(page)
    assert after_lr != before, "changing the learning rate changed no number"
    harness.select(page, "activation", "tanh")
    t.check("e2e-activation-changed")
    after_act = numbers(page)
    assert after_act not in (before, after_lr), "changing the activation changed no number"
    assert parse_qs(urlsplit(page.url).query) == {"activation": ["tanh"], "lr": ["0.02"]}


def test_page_switch_keeps_the_sidebar(tab):
    t = tab().open("", lang="English")
    page = t.page
    harness.select(page, "activation", "ReLU")  # the sidebar shows readable names (act_relu, opt_sgd)
    harness.select(page, "optimizer", "SGD")
    harness.slide(page, "hidden", "ArrowRight")  # 2 -> 3
    harness.type_number(page, "seed", 7)
    want = sidebar_values(page)
    assert want["activation"] == "ReLU" and want["hidden"] == "3" and want["seed"] == "7"
    for path in ("forward", "backprop", "training", "experiments", "model"):
        harness.open_page(page, path)
        t.check(f"e2e-switch-{path}")
        assert sidebar_values(page) == want, f"/{path} lost the sidebar settings"
        assert urlsplit(page.url).path.rstrip("/") in ("", f"/{path}")


def test_share_link_restores_page_and_settings_in_a_fresh_context(tab):
    first = tab().open("backprop", activation="tanh", lr="0.1")
    assert sidebar_values(first.page)["activation"] == "tanh"
    harness.slide(first.page, "hidden", "ArrowRight")  # change one more thing in the browser
    first.check("e2e-share-source")
    link = first.page.url
    assert urlsplit(link).path == "/backprop"
    shown = sidebar_values(first.page)
    text = harness.main_text(first.page)

    fresh = tab().open()  # a new context: no cookies, a new Streamlit session
    harness.goto(fresh.page, link)
    fresh.check("e2e-share-restored")
    assert urlsplit(fresh.page.url).path == "/backprop"
    assert sidebar_values(fresh.page) == shown
    assert shown["activation"] == "tanh" and shown["lr"] == "0.1" and shown["hidden"] == "3"
    assert numbers(fresh.page) == NUMBER.findall(text), "the shared link shows other numbers"


def test_two_sessions_never_see_each_others_values(tab):
    a = tab().open("training", activation="tanh", lr="0.1", lang="English")
    b = tab().open("training", activation="relu", optimizer="sgd", seed="3", lang="한국어")
    pa, pb = a.page, b.page
    pin = ".st-key-train_pin_btn button[kind]"
    pins = pa.locator(pin).count() > 0 and pb.locator(pin).count() > 0
    if pins:  # the Training page's pins are per session too (skipped while the page has no pin button)
        for p in (pa, pb):
            n = harness.runs_done(p)
            p.locator(pin).first.click()
            harness.settle(p, n)
    harness.select(pb, "optimizer", "RMSprop")  # b changes again while a sits still
    harness.set_lang(pb, "en")
    harness.set_lang(pa, "ko")  # then a reruns: it must still have its own values
    a.check("e2e-isolation-a")
    b.check("e2e-isolation-b")
    va, vb = sidebar_values(pa), sidebar_values(pb)
    assert (va["activation"], va["optimizer"], va["lr"], va["seed"]) == ("tanh", "Adam", "0.1", "42"), va
    assert (vb["activation"], vb["optimizer"], vb["lr"], vb["seed"]) == ("ReLU", "RMSprop", "0.01", "3"), vb
    assert parse_qs(urlsplit(pb.url).query)["optimizer"] == ["rmsprop"], "the link carries the code name"
    if pins:  # pins are named as the screen names settings, in each session's language (a: ko, b: en)
        ta, tb = harness.main_text(pa), harness.main_text(pb)
        pin_a, pin_b = Config(activation="tanh", lr=0.1), Config(seed=3, activation="relu", optimizer="sgd")
        assert pin_a.label("ko") in ta, "session a lost its own pin"
        assert pin_b.label("en") in tb, "session b lost its own pin"
        assert "ReLU · SGD" not in ta, "session a sees b's pin"
        assert "tanh · Adam · 0.1" not in tb, "session b sees a's pin"


def test_old_link_with_code_names_opens_with_readable_names_and_keeps_code_names(tab):
    """A link written before the sidebar showed readable names still opens those settings."""
    t = tab().open("training", activation="leaky_relu", optimizer="rmsprop", lang="한국어")
    t.check("e2e-old-link")
    page = t.page
    assert (harness.selected(page, "activation"), harness.selected(page, "optimizer")) == ("leaky ReLU", "RMSprop")
    harness.select(page, "optimizer", "SGD + 모멘텀 (0.9)")
    harness.slide(page, "lr", "ArrowRight")  # a bound widget rewrites the URL: the code names stay in it
    query = parse_qs(urlsplit(page.url).query)
    assert query["activation"] == ["leaky_relu"] and query["optimizer"] == ["momentum"], query
    alerts = " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())
    assert "activation" not in alerts and "optimizer" not in alerts, f"a link notice was shown: {alerts[:300]}"
