"""scripts/class_load.py: the widget states it sends, and that it sees what it must call errors.

The wire-format tests build the protos the server sends and check the WidgetState the tool answers
with (what the 1.67 frontend sends). The server tests run a tiny app of their own (a bound setting,
a page that raises, a setting the app overrides) under a real `streamlit run`; nothing is timed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib.util
import random
import sys
import textwrap
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
