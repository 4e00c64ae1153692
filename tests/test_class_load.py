"""scripts/class_load.py: the widget states it sends, and that it sees what it must call errors.

The wire-format tests build the protos the server sends and check the WidgetState the tool answers
with (what the 1.67 frontend sends). The server tests run a tiny app of their own (a bound setting,
a page that raises, a setting the app overrides) under a real `streamlit run`; nothing is timed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import importlib.util
import random
import sys
import textwrap
import time
from pathlib import Path

import pytest
from streamlit.proto.ButtonGroup_pb2 import ButtonGroup
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.Selectbox_pb2 import Selectbox
from streamlit.proto.Slider_pb2 import Slider

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("class_load", ROOT / "scripts" / "class_load.py")
cl = importlib.util.module_from_spec(_spec)
sys.modules["class_load"] = cl
_spec.loader.exec_module(cl)


def test_int_number_input_sends_int_value_and_keeps_the_users_value():
    proto = NumberInput(id="$$ID-abc-seed", data_type=NumberInput.INT, default=42, query_param_key="seed")
    w = cl.Widget.from_element("number_input", proto, "main", None)
    assert (w.key, w.param, w.value) == ("seed", "seed", 42)
    assert w.url_value() is None  # the default: no URL parameter
    w.value = 7
    st = w.state()
    assert st.WhichOneof("value") == "int_value" and st.int_value == 7
    assert w.url_value() == "7"
    again = cl.Widget.from_element("number_input", proto, "main", w)  # redrawn without set_value: kept
    assert again.value == 7


def test_set_value_from_the_server_wins():
    proto = Selectbox(id="$$ID-x-activation", options=["sigmoid", "tanh"], default=0, raw_value="tanh", set_value=True)
    before = cl.Widget.from_element("selectbox", Selectbox(id=proto.id, options=["sigmoid", "tanh"]), "m", None)
    w = cl.Widget.from_element("selectbox", proto, "m", before)
    assert w.value == "tanh" and w.default == "sigmoid"
    assert w.state().string_value == "tanh"


def test_select_slider_sends_labels_and_slider_sends_numbers():
    lr = Slider(id="$$ID-x-lr", type=Slider.SELECT_SLIDER, options=["0.001", "0.01", "0.1"], default=[1])
    w = cl.Widget.from_element("slider", lr, "m", None)
    assert w.kind == "select_slider" and w.value == ["0.01"]
    assert list(w.state().string_array_value.data) == ["0.01"]
    hidden = Slider(id="$$ID-x-hidden", data_type=Slider.INT, default=[2], min=1, max=8, step=1)
    h = cl.Widget.from_element("slider", hidden, "m", None)
    h.value = [5]
    assert list(h.state().double_array_value.data) == [5.0] and h.url_value() == "5"


def test_button_group_and_triggers():
    g = ButtonGroup(id="$$ID-x-lang", default=[1])
    g.options.add(content="한국어")
    g.options.add(content="English")
    w = cl.Widget.from_element("button_group", g, "m", None)
    assert list(w.state().string_array_value.data) == ["English"]
    button = cl.Widget("$$ID-x-None", "button", object(), "m")
    assert button.key is None
    assert button.state() is None  # a button sends nothing unless pressed
    assert button.state(trigger=True).trigger_value is True


def test_query_string_parse_keeps_repeats_and_blanks():
    assert cl._parse_query("?a=1&b=&a=2") == {"a": ["1", "2"], "b": ""}


def test_percentile_nearest_rank():
    assert cl.pct([5, 1, 3, 2, 4], 50) == 3
    assert cl.pct(list(range(1, 101)), 95) == 95
    assert cl.pct([], 50) != cl.pct([], 50)  # nan


TINY_APP = textwrap.dedent(
    """
    import streamlit as st

    if st.session_state.get("choice") == "c":  # the app refuses c: a setting the server does not take
        st.session_state["choice"] = "a"
    with st.sidebar:
        st.selectbox("Choice", ["a", "b", "c"], key="choice", bind="query-params")

    def ok():
        st.write("choice is", st.session_state["choice"])
        st.button("Go", key="go", icon=":material/play_arrow:")

    def boom():
        raise ValueError("boom on purpose")

    st.navigation([st.Page(ok, title="Ok", url_path="ok", default=True),
                   st.Page(boom, title="Boom", url_path="boom")]).run()
    """
)


@pytest.fixture(scope="module")
def tiny_server(tmp_path_factory):
    app = tmp_path_factory.mktemp("tiny") / "app.py"
    app.write_text(TINY_APP)
    with cl.Server(str(app), []) as server:
        yield server


def _run(coro):
    """asyncio.run in a thread of its own: a session-wide Playwright keeps an event loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _student(server) -> object:
    return cl.Student(0, server.base, random.Random(0))


def test_a_link_seeds_the_setting_and_a_change_is_taken(tiny_server):
    async def go():
        s = _student(tiny_server)
        try:
            await s.open("/?choice=b")
            assert s.by_key("choice").value == "b"
            s.set_value(s.by_key("choice"), "a")  # back to the default: no parameter left
            assert "choice" not in s.query
            assert await s._rerun("setting choice", expect={"choice": "a"}) is not None
            assert await s.press(s.by_key("go"), "go") is not None
            return s.errors, [p for _, p in s.visible_pages()]
        finally:
            await s.close()

    errors, pages = _run(go())
    assert errors == []
    assert pages == ["", "boom"]  # the default page lives at "/"


def test_an_exception_on_a_page_is_an_error(tiny_server):
    async def go():
        s = _student(tiny_server)
        try:
            await s.open("/")
            assert await s.switch_page("boom") is None
            return s.errors
        finally:
            await s.close()

    errors = _run(go())
    assert len(errors) == 1 and "exception element" in errors[0] and "boom on purpose" in errors[0]


def test_a_setting_the_server_does_not_take_is_an_error(tiny_server):
    async def go():
        s = _student(tiny_server)
        try:
            await s.open("/")
            s.set_value(s.by_key("choice"), "c")
            await s._rerun("setting choice", expect={"choice": "c"})
            return s.errors
        finally:
            await s.close()

    errors = _run(go())
    assert len(errors) == 1 and "not taken" in errors[0]


def test_a_disconnect_is_an_error(tiny_server):
    async def go():
        s = _student(tiny_server)
        try:
            await s.open("/")
            s.ws.transport.abort()  # the network drops the connection
            await asyncio.wait_for(s._reader, 30)
            return s.errors
        finally:
            await s.close()

    errors = _run(go())
    assert len(errors) == 1 and "disconnected" in errors[0]


def test_cookies_of_keeps_name_and_value_only():
    headers = ["xorlab_node=abc123; Path=/; HttpOnly; SameSite=Lax", "_streamlit_xsrf=2|x|y|z; expires=Wed", "=bad"]
    assert cl.cookies_of(headers) == {"xorlab_node": "abc123", "_streamlit_xsrf": "2|x|y|z"}
    assert cl.cookies_of([]) == {}


# ---------------------------------------------------------------- followers and explorers (--followers/--explorers)


def _sidebar_student(lang_labels=str.upper) -> object:
    """A student holding the app's sidebar as the server draws it: bound seed and lr, unbound named selectboxes."""
    s = cl.Student(0, "http://x", random.Random(0))
    s.main_hash = "main"
    codes = cl.CODES
    activation = Selectbox(id="$$ID-a-activation", options=[lang_labels(c) for c in codes["activation"]])
    optimizer = Selectbox(id="$$ID-a-optimizer", options=[lang_labels(c) for c in codes["optimizer"]], default=2)
    lr = Slider(id="$$ID-a-lr", type=Slider.SELECT_SLIDER, options=["0.001", "0.01", "0.1", "1"], default=[1])
    lr.query_param_key = "lr"
    seed = NumberInput(id="$$ID-a-seed", data_type=NumberInput.INT, default=42, query_param_key="seed")
    protos = [("number_input", seed), ("selectbox", activation), ("selectbox", optimizer), ("slider", lr)]
    for kind, proto in protos:
        w = cl.Widget.from_element(kind, proto, "main", None)
        s.widgets[w.id] = w
    return s


def test_the_menu_is_cumulative_on_a_followers_widgets():
    s = _sidebar_student()
    seen = []
    for step in cl.MENU:
        if step.settings:
            expect = cl.menu_values(s, step)
            assert all(s.by_key(k).value == v for k, v in expect.items())
        seen.append((s.by_key("activation").value, s.by_key("optimizer").value, s.by_key("lr").value, dict(s.query)))
    # the labels the selectbox shows are sent (here upper case), found by the code's index
    assert seen[0][:3] == ("TANH", "ADAM", ["0.01"])
    assert seen[4][:3] == ("RELU", "SGD", ["0.01"])  # tanh, page, relu, page, sgd: each on top of the last
    assert seen[6] == ("RELU", "SGD", ["0.1"], {"lr": "0.1"})  # only lr is bound: the server writes the others
    assert seen[7] == ("SIGMOID", "ADAM", ["0.01"], {})  # the lecture's settings again: the defaults, no query
    assert s.by_key("activation").state().string_value == "SIGMOID"
    assert [step.page for step in cl.MENU if step.page] == ["backprop", "loop", "training"]


def test_wire_value_refuses_a_code_the_widget_does_not_offer():
    s = _sidebar_student()
    with pytest.raises(ValueError, match="not an option"):
        cl.wire_value(s.by_key("lr"), "0.5")
    assert cl.wire_value(s.by_key("lr"), "1") == ["1"]


def test_codes_and_menu_values_are_the_apps():
    from xorcore.config import ACTIVATIONS, LECTURE, LR_CHOICES, OPTIMIZERS

    assert cl.CODES == {"activation": ACTIVATIONS, "optimizer": OPTIMIZERS}
    labels = {f"{v:g}" for v in LR_CHOICES}  # the sidebar's select_slider labels
    for step in cl.MENU:
        for key, code in step.settings:
            assert code in (labels if key == "lr" else cl.CODES[key])
    assert dict(cl.MENU[-1].settings) == {"activation": LECTURE.activation, "optimizer": LECTURE.optimizer,
                                          "lr": f"{LECTURE.lr:g}"}  # fmt: skip
    assert cl.EXPLORER_LIMITS["epochs"][1] == 10_000


def test_an_explorer_changes_the_named_settings_too():
    s = _sidebar_student()
    assert {w.key for w in s.settings()} == {"seed", "lr"}  # the ordinary student: bound widgets only
    s.named, s.limits = True, cl.EXPLORER_LIMITS
    assert {w.key for w in s.settings()} == {"seed", "lr", "activation", "optimizer"}
    assert s.other_value(s.by_key("lr")) in (["0.001"], ["0.1"], ["1"])  # lr up to 1 for an explorer


def test_the_process_tree_is_read_with_its_grandchildren():
    import os
    import signal
    import subprocess
    import time

    code = ("import subprocess, sys, time; "
            "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
            "print(p.pid, flush=True); p.wait(); time.sleep(60)")  # fmt: skip
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    grandchild = int(child.stdout.readline())
    try:
        assert {child.pid, grandchild} <= set(cl.proc_tree([os.getpid()]))
        mon = cl.TreeMonitor([child.pid])
        assert mon.members == [child.pid, grandchild]
        mon.rescan()
        assert len(mon.names) == 2 and mon.peak_procs == 2
        rss, pss = mon.rss(), mon.pss()
        assert rss > 0 and 0 < pss <= rss + 1
        assert mon.cpu() > 0
        os.kill(grandchild, signal.SIGKILL)  # a worker that exits: no error, its CPU stays counted
        for _ in range(100):
            if cl.proc_tree([child.pid]) == [child.pid]:
                break
            time.sleep(0.05)
        assert mon.rss() > 0 and mon.cpu() > 0
        mon.rescan()
        assert mon.members == [child.pid] and len(mon.names) == 2
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(grandchild, signal.SIGKILL)
        child.kill()
        child.wait()


def _square(x: int) -> int:
    return x * x


def test_a_forkservers_workers_are_found_and_named_and_zombies_left_out():
    import multiprocessing
    import os
    import subprocess

    done = subprocess.Popen(["true"])  # exits and stays a zombie until waited for
    for _ in range(200):
        if not cl.proc_alive(done.pid):
            break
        time.sleep(0.01)
    from conftest import plain_main

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["xorcore.forkserver"])  # the one forkserver of this process is the app's too
    with plain_main():  # after an AppTest, __main__ is a page script: a worker must not run it again
        pool = ctx.Pool(1)
    with pool:
        assert (
            pool.apply(
                _square,
                (3,),
            )
            == 9
        )
        mon = cl.TreeMonitor([os.getpid()])
        mon.rescan()
        names = sorted(mon.names.values())
    done.wait()
    assert "forkserver" in names and "forkserver worker" in names
    assert done.pid not in mon.members
    assert mon.pss() > 0


def test_arguments_of_the_followers_and_explorers_mode():
    args = cl.parse_args(["--followers", "3"])
    assert (args.mix, args.followers, args.explorers, args.link, args.ramp) == (True, 3, 0, "/training", 2.0)
    args = cl.parse_args([])
    assert (args.mix, args.students, args.link, args.ramp) == (False, 10, cl.DEFAULT_LINK, 3.0)
    assert cl.parse_args(["--explorers", "2", "--ramp", "5", "--link", "/loop"]).ramp == 5
    for bad in (["--followers", "2", "--students", "5"], ["--followers", "2", "--soak", "10"],
                ["--followers", "0", "--explorers", "0"], ["--followers", "-1", "--explorers", "2"],
                ["--explorers", "1", "--teacher-every", "0"], ["--per-page", "1", "--soak", "2"]):  # fmt: skip
        with pytest.raises(SystemExit):
            cl.parse_args(bad)


def test_the_board_hands_each_follower_every_announcement_in_order():
    async def go():
        board = cl.Board()
        await board.announce(cl.MENU[0])
        await board.announce(cl.MENU[1])
        got = [await board.wait(i, time.monotonic() + 5) for i in (0, 1)]
        none_yet = await board.wait(2, time.monotonic() + 0.05)  # nothing more before the deadline
        await board.close()
        after_close = await board.wait(2, time.monotonic() + 60)  # returns at once: the teacher is done
        return [step for _, step in got], none_yet, after_close

    steps, none_yet, after_close = _run(go())
    assert steps == list(cl.MENU[:2]) and none_yet is None and after_close is None


MIX_APP = textwrap.dedent(
    """
    import streamlit as st

    CODES = {"activation": ("sigmoid", "tanh", "relu", "leaky_relu", "identity"),
             "optimizer": ("sgd", "momentum", "adam", "rmsprop")}
    DEFAULT = {"activation": "sigmoid", "optimizer": "adam"}
    with st.sidebar:
        st.number_input("Seed", 0, 2**31 - 1, value=42, step=1, key="seed", bind="query-params")
        for key, codes in CODES.items():  # unbound, written into the URL by code name (as dashboard.py does)
            if key not in st.session_state:
                st.session_state[key] = st.query_params.get(key, DEFAULT[key])
            st.selectbox(key, codes, key=key, format_func=str.upper)
        st.select_slider("lr", (0.001, 0.01, 0.1, 1.0, 10.0), value=0.01, key="lr", bind="query-params",
                         format_func=lambda v: f"{v:g}")
        st.number_input("Epochs", 1, 10000, value=2000, step=100, key="epochs", bind="query-params")
        st.slider("Hidden", 1, 8, value=2, key="hidden", bind="query-params")
    for key in CODES:
        if st.session_state[key] != DEFAULT[key]:
            st.query_params[key] = st.session_state[key]
        elif key in st.query_params:
            del st.query_params[key]

    def show():
        st.write(dict(st.query_params))

    def experiments():
        if st.button("Run", type="primary", key="run"):
            st.write("ran")

    pages = [st.Page(show, title="Home", url_path="home", default=True, visibility="hidden")]
    for url in ("model", "backprop", "loop", "training"):
        pages.append(st.Page(show, title=url.title(), url_path=url))
    pages.append(st.Page(experiments, title="Experiments", url_path="experiments"))
    st.navigation(pages).run()
    """
)


@pytest.fixture(scope="module")
def mix_server(tmp_path_factory):
    app = tmp_path_factory.mktemp("mix") / "app.py"
    app.write_text(MIX_APP)
    with cl.Server(str(app), []) as server:
        yield server


def test_a_short_class_of_followers_and_explorers(mix_server, capsys):
    args = cl.parse_args(["--followers", "2", "--explorers", "2", "--seconds", "5", "--ramp", "0.5",
                          "--teacher-every", "1", "--react", "0", "0.2", "--think", "0.3", "0.6"])  # fmt: skip
    mon = cl.TreeMonitor([mix_server.proc.pid])
    mon.start()
    mix = _run(cl.mix_run(mix_server.base, args, mon))
    cpu, wall = mon.finish()
    assert cl.report_mix(mix, mon, cpu, wall, args) == 0
    out = capsys.readouterr().out
    assert "errors: 0" in out and "| followers | 2 |" in out and "| explorers | 2 |" in out
    assert "1 seen (streamlit run)" in out  # the tiny app starts no workers
    errors = [e for s in [mix.teacher, *mix.followers, *mix.explorers] for e in s.errors]
    assert errors == []
    assert mix.warm_pages == 6  # the link's page, the four others, the link's page again
    assert len(mix.steps) >= 3 and mix.steps == [step.label for step in (cl.MENU * 3)[: len(mix.steps)]]
    for s in mix.followers:  # the announced changes, in the menu's order, nothing else
        done = [r.what for r in s.reruns[1:]]
        assert done and done == mix.steps[: len(done)]
    for s in mix.explorers:
        assert s.reruns[1].what == "own-seed" and s.query.get("seed") not in (None, "42")
    follower = mix.followers[0]
    if "activation=tanh" in [r.what for r in follower.reruns]:  # the server wrote the unbound setting by code
        assert follower.query.get("activation") in ("tanh", "relu")
