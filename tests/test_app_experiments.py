"""The Experiments page in AppTest: a small grid in both languages, empty selections, cache, Open -> Training."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from conftest import all_text, app, to_slide
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from xorcore import ACTIVATIONS, OPTIMIZERS, Config, build_model, engine, stuck, stuck_grid, train, trend
from xorcore.batch import init_params
from xorcore.data import XOR_X
from xorcore.experiments import run_grid
from xorcore.losses import bce
from xorcore.text import t
from xorcore.views.grid import col_label

PAGE = "app_pages/experiments.py"


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    assert "⟦" not in all_text(at)
    return at


def small_grid(lang: str, kind: str = "optimizers", **params: str):
    """The page with a 2 x 2 grid of 6 seeds x 150 epochs, run."""
    at = ok(app(PAGE, lang=lang, **params))
    if kind == "lrs":
        at.segmented_control(key="ex_kind").set_value("lrs").run()
        at.pills(key="ex_lrs").set_value([0.01, 1.0]).run()
    else:
        at.pills(key="ex_opts").set_value(["sgd", "adam"]).run()
    at.pills(key="ex_acts").set_value(["relu", "tanh"]).run()
    at.number_input(key="ex_seeds").set_value(6).run()
    at.number_input(key="ex_epochs").set_value(150).run()
    run_button(at, lang).click().run()
    return ok(at)


def run_button(at, lang):
    return next(b for b in at.button if b.label == t(lang, "ex_run"))


def charts(at) -> list[dict]:
    """Each chart's spec, with its data sets (sent beside the spec as Arrow) as lists of records."""
    out = []
    for c in at.get("vega_lite_chart"):
        spec = json.loads(c.proto.spec)
        spec["datasets"] = {
            d.name: convert_arrow_bytes_to_pandas_df(d.data.data).to_dict("records") for d in c.proto.datasets
        }
        out.append(spec)
    return out


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_first_visit_asks_to_run(lang):
    at = ok(app(PAGE, lang=lang))
    assert at.title[0].value == t(lang, "ex_title")
    what = t(lang, "ex_what_optimizers")  # the default grid: 5 activations x 4 optimizers x 100 seeds, counted
    want = t(lang, "ex_press_run", runs="2,000", rows=5, cols=4, what=what, seeds=100, epochs="2,000")
    assert any(i.value == want for i in at.info)
    assert not charts(at)
    assert not run_button(at, lang).disabled


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_small_grid_shows_the_model_numbers(lang):
    at = small_grid(lang)
    want = run_grid(["relu", "tanh"], ["sgd", "adam"], "optimizers", seeds=6, epochs=150, base=Config())
    text = all_text(at)
    specs = charts(at)
    assert len(specs) == 2
    heat = specs[0]
    rows = next(iter(heat["datasets"].values()))
    shown = {(r["row"], r["col"]): r["label"] for r in rows}
    assert shown == {k: f"{c.n_success}/{c.n}" for k, c in want.cells.items()}
    assert heat["description"] and specs[1]["description"]
    assert t(lang, "ex_heat_header") in text and t(lang, "ex_why_header") in text
    # one Open button per failing seed of the chosen cell (at most 10 a page)
    opens = [b for b in at.button if b.key and b.key.startswith("ex_open_")]
    cell_key = at.selectbox(key="ex_fail_cell").value
    row, col = cell_key.split("|")
    assert len(opens) == min(10, want.cell(row, col).n - want.cell(row, col).n_success)


def test_lr_grid():
    at = small_grid("en", kind="lrs")
    heat = charts(at)[0]
    cols = {r["column"] for r in next(iter(heat["datasets"].values()))}
    assert cols == {"0.01", "1"}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_empty_selection_is_a_message(lang):
    at = ok(app(PAGE, lang=lang))
    at.pills(key="ex_acts").set_value([]).run()
    ok(at)
    assert any(w.value == t(lang, "ex_empty", what=t(lang, "ex_what_optimizers")) for w in at.warning)
    assert run_button(at, lang).disabled
    at.pills(key="ex_acts").set_value(["relu"]).run()
    at.pills(key="ex_opts").set_value([]).run()
    ok(at)
    assert any(w.value == t(lang, "ex_empty", what=t(lang, "ex_what_optimizers")) for w in at.warning)


def test_open_a_failing_seed_on_the_training_page():
    at = small_grid("en")
    opens = [b for b in at.button if b.key and b.key.startswith("ex_open_")]
    assert opens, "a 6-seed ReLU/SGD cell at lr 0.01 has failures"
    cell_key = at.selectbox(key="ex_fail_cell").value
    row, col = cell_key.split("|")
    seed = int(opens[0].key.rsplit("_", 1)[1])
    opens[0].click().run()
    ok(at)
    assert at.title[0].value == t("en", "train_title")  # the Training Curve page
    got = {k: at.session_state[k] for k in ("seed", "activation", "optimizer", "lr", "epochs", "hidden")}
    assert got == Config(seed, row, col, 0.01, 150, 2).as_dict()
    assert at.session_state["config"] == Config(seed, row, col, 0.01, 150, 2)


def test_revisit_keeps_the_results():
    at = small_grid("ko")
    before = charts(at)[0]
    at.switch_page("app_pages/training.py").run()
    at.switch_page(PAGE).run()
    ok(at)
    assert charts(at) and charts(at)[0]["datasets"] == before["datasets"]
    assert any(s.value.startswith("실행 24개") for s in at.success)


# ---------------------------------------------------------------- why runs get stuck: every count is the grid's


def _claims(at, grid, lang, saved=None):
    """The stuck section's sentences and table equal what xorcore computes from the same grid."""
    infos = [i.value for i in at.info]
    dead_text = stuck_grid.grid_dead_text(grid, lang)
    assert dead_text in infos
    # the count itself, from torch's own layers (not from the code that wrote the sentence)
    dead = sum(bool((build_model(Config(seed=s))[0](XOR_X).detach() <= 0).all(dim=0).any()) for s in range(grid.seeds))
    assert (
        dead_text.startswith(f"{dead} ")
        if lang == "en"
        else f"{grid.seeds}개(0–{grid.seeds - 1}) 중 {dead}개" in dead_text
    )
    records = stuck_grid.case_counts(grid, saved)
    label = lambda r, c: f"{t(lang, f'act_{r}')} · {col_label(grid.kind, c, lang, short=True)}"  # noqa: E731
    (table,) = [d.value for d in at.dataframe if t(lang, "sk_col_setting") in d.value.columns]
    pd.testing.assert_frame_equal(table.reset_index(drop=True), stuck_grid.case_frame(records, lang, label))
    for rec in records:  # every failed run is in exactly one case
        assert sum(rec[c] for c in stuck.CASES) == rec["failures"] == grid.cell(rec["row"], rec["col"]).n - grid.cell(
            rec["row"], rec["col"]).n_success  # fmt: skip
    if saved is not None:
        assert stuck_grid.rescue_text(records, lang, label) in infos


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_default_grid_stuck_claims(lang):
    at = ok(app(PAGE, lang=lang))
    run_button(at, lang).click().run()
    ok(at)
    ran = at.session_state["ex_last"]
    if lang == "en":  # (AppTest keeps only the pills whose Korean labels are ASCII: the grid the page ran is checked)
        assert (ran["rows"], ran["cols"]) == (ACTIVATIONS, OPTIMIZERS)
    grid = run_grid(list(ran["rows"]), list(ran["cols"]), "optimizers", seeds=100, epochs=2000, base=Config())
    _claims(at, grid, lang)
    relu_all = grid.cells[("relu", "adam")]
    assert (relu_all.dead_init > 0).sum() == stuck_grid.dead_start(grid)["dead"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_small_grid_stuck_claims_and_more_epochs(lang):
    at = small_grid(lang)
    ran = at.session_state["ex_last"]
    assert (ran["rows"], ran["cols"]) == (("tanh", "relu"), ("sgd", "adam"))  # in the order of the sidebar's lists
    grid = run_grid(list(ran["rows"]), list(ran["cols"]), "optimizers", seeds=6, epochs=150, base=Config())
    _claims(at, grid, lang)
    label = t(lang, "sk_rescue", longer=f"{stuck.LONGER:,}")
    next(b for b in at.button if b.label == label).click().run(timeout=120)
    ok(at)
    saved = {}
    for row in grid.rows:
        cells = [grid.cell(row, c) for c in grid.cols]
        saved.update(zip([(row, c) for c in grid.cols], stuck_grid.rescued(cells), strict=True))
    _claims(at, grid, lang, saved)
    # "slow" counts the runs a 10,000-epoch run of the same seed rescues, measured by a plain train()
    cell = grid.cell("tanh", "sgd")
    slow = sum(train(replace(cell.config(s), epochs=stuck.LONGER)).success() for s in cell.failing_seeds)
    (rec,) = [r for r in stuck_grid.case_counts(grid, saved) if (r["row"], r["col"]) == ("tanh", "sgd")]
    assert rec["rescued"] == slow  # ("slow" also counts the runs whose own loss still falls: trend.py)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_slides_train_the_sidebars_grid_and_count_it(lang):
    """Presentation mode: the grid of the sidebar's settings is trained on the first slide, with no click."""
    at = ok(app(PAGE, lang=lang, present="true", epochs="150"))
    grid = run_grid(list(ACTIVATIONS), list(OPTIMIZERS), "optimizers", seeds=100, epochs=150, base=Config())
    heat = charts(at)[0]
    shown = {(r["row"], r["col"]): r["label"] for r in next(iter(heat["datasets"].values()))}
    assert shown == {k: f"{c.n_success}/{c.n}" for k, c in grid.cells.items()}
    sig, relu = (int(grid.cell(r, "adam").success.sum()) for r in ("sigmoid", "relu"))
    text = all_text(at)
    if lang == "en":
        assert f"With Adam: sigmoid learned XOR from {sig} of 100 seeds, ReLU from {relu} of 100." in text
    else:
        assert f"Adam에서 시그모이드는 시드 100개 중 {sig}개, ReLU는 100개 중 {relu}개에서" in text
    to_slide(at, "experiments", "stuck-slide")  # why runs get stuck: the Adam column
    ok(at)
    table = at.dataframe[0].value
    adam = [c for k, c in grid.cells.items() if k[1] == "adam" and c.n_success < c.n]
    assert len(table) == len(adam)
    assert list(table.iloc[:, 1]) == [f"{c.n - c.n_success} / {c.n}" for c in adam]
    to_slide(at, "experiments", "failing-slide")  # failing seeds, five at a time, ReLU · Adam first
    ok(at)
    opens = [b for b in at.button if b.key and b.key.startswith("ex_open_")]
    fails = grid.cell("relu", "adam").failing_seeds
    assert [int(b.key.rsplit("_", 1)[1]) for b in opens] == fails[:5]


ISSUE27 = {"seed": "7", "activation": "tanh", "optimizer": "sgd", "lr": "0.5", "epochs": "300", "hidden": "3"}


def torch_free_trend(cell, i: int) -> trend.Trend:
    """trend.py's inputs for run i of a cell from the engine's full history (not run_final's tail snapshot)."""
    init = init_params([int(cell.seeds[i])], cell.hidden)
    raw = engine.run(cell.activation, cell.optimizer, cell.hidden, init, np.array([cell.lr]), cell.epochs)
    loss = [float(bce(raw.pred[0, e].astype(np.float64))) for e in (0, trend.tail_start(cell.epochs), cell.epochs)]
    end = stuck.gradients(raw.params[0, -1], cell.activation, cell.hidden)["norm"]
    return trend.Trend(cell.epochs, *loss, float(raw.grad_norm[0, 0]), float(end))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_slow_and_saddle_come_from_each_runs_trend(lang):
    """Issue 27 item 4: sigmoid · SGD at lr 0.5, 300 epochs, 3 units: runs still falling are slow, not 'saddle',
    with no button pressed, in reading mode and on the slide, whose explanation claims no measurement."""
    at = ok(app(PAGE, lang=lang, **ISSUE27))
    run_button(at, lang).click().run()
    ok(at)
    grid = run_grid(
        list(ACTIVATIONS), list(OPTIMIZERS), "optimizers", seeds=100, epochs=300, base=Config(lr=0.5, hidden=3)
    )
    cell = grid.cell("sigmoid", "sgd")
    (rec,) = [r for r in stuck_grid.case_counts(grid) if (r["row"], r["col"]) == ("sigmoid", "sgd")]
    cases = stuck_grid.cell_diagnoses(cell)
    for i in (0, 14, 91):  # a few runs: the engine's own full history gives the same case
        tr = torch_free_trend(cell, i)
        want = "unmoved" if trend.barely_moved(tr) else "slow" if trend.falling(tr) else "saddle"
        assert cases[i].case == want
    assert rec["slow"] >= 40 and rec["saddle"] <= 60 and rec["slow"] + rec["saddle"] + rec["unmoved"] == 100
    label = f"{t(lang, 'act_sigmoid')} · {col_label('optimizers', 'sgd', lang, short=True)}"
    if "sigmoid" in at.session_state["ex_last"]["rows"]:  # (AppTest drops the Korean pills with non-ASCII labels)
        (table,) = [d.value for d in at.dataframe if t(lang, "sk_col_setting") in d.value.columns]
        row = table[table[t(lang, "sk_col_setting")] == label].iloc[0]
        assert (row[t(lang, "sk_col_slow")], row[t(lang, "sk_col_saddle")]) == (rec["slow"], rec["saddle"])
    slides = ok(app(PAGE, lang=lang, present="true", **ISSUE27))
    slides.button(key="slide-next").click().run()
    ok(slides)
    sgd = slides.dataframe[0].value
    row = sgd[sgd[t(lang, "sk_col_setting")] == label].iloc[0]
    assert row[t(lang, "sk_col_slow")] == rec["slow"]
    old = "measured below" if lang == "en" else "아래에서 잽니다"
    assert old not in all_text(slides) and old not in all_text(at)
