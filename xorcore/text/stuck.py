"""Text of the "why runs get stuck" diagnosis (xorcore/stuck.py), keys sk_*."""

EN: dict[str, str] = {
    "sk_header": "Why this run did not learn XOR",
    "sk_checking": "Checking whether more epochs help: the same setting is queued to train for {longer} "
    "epochs in PyTorch. The diagnosis appears here when that run is done.",
    "sk_dead_init": "**A unit dead from the start.** At the initial weights, hidden unit {unit}'s line z1 = 0 has "
    "all four corners on its negative side (z1 = {z1}). ReLU outputs 0 there and passes back a gradient of 0, so "
    "no update ever moves that unit. {units_text} {alive_text} The run ends at loss {loss}.",
    "sk_alive_none": "With no live unit left the output is a constant: that is why this run fails.",
    "sk_alive_one": "One live ReLU unit bends the plane along one line only, which cannot solve XOR: that is why "
    "this run fails.",
    "sk_units": "Of the {hidden} hidden units: dead from the start {dead0}{list0}, died during training "
    "{died}{list1}, alive at the end {alive}.",
    "sk_unit_list": " (unit {units})",
    "sk_unit_list_from": " (unit {units}, from epoch {epoch})",
    "sk_units_not_why": "{alive} live ReLU units can still solve XOR, so the dead units alone do not explain why "
    "this run fails.",
    "sk_dead_rate": "With {hidden} hidden unit(s), {k} of {n} seeds ({first}–{last}) start with at least one dead "
    "unit.",
    "sk_dead_later": "**A unit died during training.** Hidden unit(s) {units} were alive at the start, but from "
    "epoch {epoch} on their z1 ≤ 0 on all four inputs: an update pushed the line past all four corners, and from "
    "there ReLU passes back no gradient. {units_text} {alive_text} The run ends at loss {loss}.",
    "sk_one_unit_case": "**One hidden unit cannot.** Every activation here is monotone, so with one hidden unit "
    "the prediction is a monotone function of one weighted sum w·x + b: its 0.5 boundary is one straight line, and "
    "no line separates XOR. The best such a net can approach is 0 for one corner and 2/3 for the other three "
    "(loss {best}); this run ends at {loss}. No seed, optimizer or number of epochs changes that: add hidden units.",
    "sk_linear": "**Nothing bends.** With the identity activation the network is σ(w·x + c): one straight line on "
    "the plane. The best a single line does on XOR is to answer 0.5 for every input, loss ln 2 ≈ 0.693; this run "
    "ends at {loss}. No optimizer, learning rate or number of epochs changes that.",
    "sk_unmoved": "**Barely started.** In {epochs} epochs the loss went from {l0} to {loss}, a change of {moved}, "
    "and the gradient norm from {g0} to {g_end}: the run has hardly left its initial weights.",
    "sk_slow_trend": "**Slow, not stuck.** {tail}",
    "sk_slow": "**Slow, not stuck.** The same setting trained for {longer} epochs learns XOR at epoch {learned_at}: "
    "more epochs help. {tail}",
    "sk_slow_saddle": "**At the saddle for now, not for ever.** All four outputs are within {near} of 0.5 ({pred}) "
    "and the loss is {loss} (ln 2 ≈ 0.693): the run sits at the saddle. The same setting trained for {longer} "
    "epochs leaves it and learns XOR at epoch {learned_at}: more epochs help. {tail}",
    "sk_saddle": "**The saddle at ln 2.** All four outputs are within {near} of 0.5 ({pred}) and the loss is {loss} "
    "(ln 2 ≈ 0.693). With every output at 0.5, dL/dz2 = (ŷ − y)/4 = ±1/8, so each hidden unit's dL/dW2 is "
    "(1/8)·[h(0,0) − h(0,1) − h(1,0) + h(1,1)]. That sum is 0 for a unit that is affine on the four corners (a "
    "ReLU unit active on all four inputs, a dead one, an identity); here the sums are {sums}, the largest "
    "|dL/dW2| is {d_w2} and the whole gradient {grad}, down from {g0} at the start: almost nothing pushes the run off this point.",
    "sk_hinge": "**A plateau: one hinge.** Input {corner} is predicted right ({p}); the other three sit at "
    "one value, about {shared}. The best single answer for their targets {targets} is their mean, {best}, and with "
    "input {corner} exact it gives loss {best_loss}; this run's loss is {loss}. The 0.5 boundary cut off one "
    "corner, and the gradient there is {grad}.",
    "sk_half": "**Two right, two at 0.5.** Inputs {right} are predicted right; inputs {rest} (targets {targets}) "
    "both sit at 0.5, the best single answer for a 0 and a 1. The loss is {loss}, near ln 2 / 2 ≈ 0.347, and the "
    "gradient there is {grad}.",
    "sk_other": "**None of the typical cases.** The run ends at loss {loss} with predictions {pred}: not 0.5 "
    "everywhere, not one hinge, not two right and two at 0.5.",
    "sk_other_near": "**Near 0.5, but not settled.** All four outputs are within {near} of 0.5 ({pred}) and the "
    "loss is {loss}, but the gradient norm is {g_end}, not below {vanished} of its {g0} at the start: no sign that it "
    "vanished at a saddle.",
    "sk_then_hinge": "What is left makes one hinge: only input {corner} is right, the other three sit at {shared}, "
    "loss near (2·ln 1.5 + ln 3)/4 ≈ 0.4774.",
    "sk_then_saddle": "What is left answers about 0.5 for every input: loss near ln 2 ≈ 0.693.",
    "sk_falling": "Over the last {tail_n} epoch(s) the loss fell from {a} to {b}, at least {pace} of the "
    "pace it averaged over the whole run: it is still falling, so more epochs help.",
    "sk_flat": "Over the last {tail_n} epoch(s) the loss went from {a} to {b}, less than {pace} of the "
    "pace it averaged over the whole run: it has stopped falling.",
    "sk_longer_learns": "Trained for {longer} epochs, the same setting learns XOR at epoch {learned_at}: more "
    "epochs help.",
    "sk_longer_falling": "Trained for {longer} epochs, the same setting has not learned XOR yet, but its loss is "
    "still falling (from {a} to {b} over its last {tail_n} epochs): more epochs help; how many is not measured.",
    "sk_longer_flat": "Trained for {longer} epochs, the same setting still does not learn XOR and its loss has "
    "stopped falling (from {a} to {b} over its last {tail_n} epochs): more epochs do not rescue this run.",
    "sk_longer_max": "This run already has the most epochs the sidebar allows, so whether more would help is not "
    "measured.",
    # ---- the Experiments grid
    "sk_grid_dead": "{k} of the grid's {n} seeds ({first}–{last}) start with at least one dead unit: with "
    "{hidden} hidden unit(s), the initial weights put all four corners on the negative side of that unit's "
    "line z1 = 0. Every setting starts from the same seeds.",
    "sk_grid_dead_relu_all": "Under ReLU, all {k} of them fail in every ReLU setting of this grid.",
    "sk_grid_dead_relu_some": "Under ReLU, {m} of them fail in every ReLU setting of this grid.",
    "sk_grid_none_dead": "None of the grid's {n} seeds starts with a dead unit ({hidden} hidden unit(s)).",
    "sk_table_caption": "Each failed run, sorted into the first case that fits its trained weights and its own "
    "trend (the columns): dead at start / died later (ReLU: fewer than two units alive at the end, at least one "
    "dead from the first epoch / none), linear (identity), not started (the loss changed by less than {moved_max} "
    "and the gradient norm by less than a factor {same}), slow (over the last {tail_share} of the epochs the loss still "
    "falls at least {pace} of the pace it averaged over the run, or the longer run of the button learns XOR), saddle "
    "(all outputs within {near} of 0.5 and the gradient norm below {vanished} of its start), one hinge (≈ 0.4774), two at 0.5 (two "
    "right and two at 0.5, ≈ 0.347), other (none of these).",
    "sk_col_setting": "setting",
    "sk_col_failures": "failed",
    "sk_col_dead_init": "dead at start",
    "sk_col_dead_later": "died later",
    "sk_col_one_unit": "one unit",
    "sk_col_linear": "linear",
    "sk_col_unmoved": "not started",
    "sk_col_slow": "slow",
    "sk_col_saddle": "saddle",
    "sk_col_hinge": "one hinge",
    "sk_col_half": "two at 0.5",
    "sk_col_other": "other",
    "sk_rescue": "Train the failed runs for {longer} epochs",
    "sk_rescue_help": "Trains every failed run of the grid again from its seed, for {longer} epochs (a few "
    "seconds), and counts how many then learn XOR.",
    "sk_rescue_max": "The grid already runs {epochs} epochs, the most the sidebar allows: whether more epochs "
    "help is not measured.",
    "sk_rescued_some": "Trained for {longer} epochs, more epochs rescue: {list}.",
    "sk_rescued_none": "Trained for {longer} epochs, no failed run of this grid learns XOR: more epochs rescue "
    "none of them.",
    "sk_not_rescued": "No run rescued: {list}.",
    "sk_of": "{setting}: {k} of {n}",
    # ---- an oscillating run (xorcore/oscillation.py)
    "osc_head": "**It oscillates.** Over the last {tail} epochs",
    "osc_range": "{input} between {low} and {high}",
    "osc_pred": "the prediction for each of these inputs went up and down in turn at every epoch: {ranges}.",
    "osc_loss": "The loss went up and down in turn at every epoch, between {low} and {high}.",
    "osc_tail": "Every step moved it by at least {swing}, each opposite to the one before: the updates overshoot "
    "back and forth instead of settling. The curves draw each stretch's lowest and highest value, so the swings "
    "show as a band.",
}

KO: dict[str, str] = {
    "sk_header": "이 실행이 XOR을 배우지 못한 이유",
    "sk_checking": "에폭을 늘리면 도움이 되는지 확인하는 중입니다: 같은 설정을 PyTorch로 {longer} 에폭 학습하도록 "
    "대기열에 넣었습니다. 그 실행이 끝나면 진단이 여기에 나타납니다.",
    "sk_dead_init": "**처음부터 죽은 유닛.** 초기 가중치에서 은닉 유닛 {unit}의 직선 z1 = 0에 대해 네 꼭짓점이 모두 "
    "음수 쪽에 있습니다 (z1 = {z1}). ReLU는 그곳에서 0을 내보내고 기울기 0을 돌려보내므로, 어떤 업데이트도 이 유닛을 "
    "움직이지 못합니다. {units_text} {alive_text} 실행은 loss {loss}에서 끝납니다.",
    "sk_alive_none": "살아 있는 유닛이 하나도 없어 출력이 상수가 됩니다. 이 실행이 실패한 이유가 이것입니다.",
    "sk_alive_one": "살아 있는 ReLU 유닛 하나는 평면을 직선 하나를 따라서만 꺾을 수 있어 XOR을 풀지 못합니다. 이 실행이 "
    "실패한 이유가 이것입니다.",
    "sk_units": "은닉 유닛 {hidden}개 중 처음부터 죽어 있던 유닛이 {dead0}개{list0}, 학습 중에 죽은 유닛이 "
    "{died}개{list1}, 끝까지 살아 있는 유닛이 {alive}개입니다.",
    "sk_unit_list": " (유닛 {units})",
    "sk_unit_list_from": " (유닛 {units}, 에폭 {epoch}부터)",
    "sk_units_not_why": "살아 있는 ReLU 유닛 {alive}개로도 XOR을 풀 수 있으므로, 죽은 유닛만으로는 이 실행이 실패한 "
    "이유를 설명할 수 없습니다.",
    "sk_dead_rate": "은닉 유닛이 {hidden}개이면 시드 {n}개({first}–{last}) 중 {k}개가 처음부터 죽은 유닛을 하나 이상 "
    "가지고 시작합니다.",
    "sk_dead_later": "**학습 중에 죽은 유닛.** 은닉 유닛 {units}: 처음에는 살아 있었지만 에폭 {epoch}부터 네 입력 "
    "모두에서 z1 ≤ 0입니다. 한 번의 업데이트가 직선을 네 꼭짓점 너머로 밀어냈고, 그 뒤로 ReLU는 기울기를 돌려보내지 "
    "않습니다. {units_text} {alive_text} 실행은 loss {loss}에서 끝납니다.",
    "sk_one_unit_case": "**은닉 유닛 하나로는 풀 수 없습니다.** 여기의 활성화 함수는 모두 단조 함수라서, 은닉 유닛이 "
    "하나이면 예측값은 가중합 w·x + b 하나의 단조 함수입니다. 그 0.5 경계는 직선 하나이고, 어떤 직선도 XOR을 나누지 "
    "못합니다. 이런 신경망이 다가갈 수 있는 최선은 한 꼭짓점에 0, 나머지 셋에 2/3을 답하는 것(loss {best})이고, 이 "
    "실행의 loss는 {loss}입니다. 시드, 옵티마이저, 에폭 수를 바꿔도 마찬가지이니 은닉 유닛을 늘려 보세요.",
    "sk_linear": "**아무것도 휘지 않습니다.** 항등 함수를 쓰면 신경망은 σ(w·x + c), 즉 평면 위의 직선 하나입니다. "
    "직선 하나로 XOR에서 할 수 있는 최선은 모든 입력에 0.5라고 답하는 것이고, 그때 loss는 ln 2 ≈ 0.693입니다. 이 "
    "실행은 {loss}에서 끝납니다. 옵티마이저, 학습률, 에폭 수를 바꿔도 달라지지 않습니다.",
    "sk_unmoved": "**거의 출발하지 않았습니다.** {epochs} 에폭 동안 loss는 {l0}에서 {loss}까지 {moved}만 바뀌었고, "
    "기울기 노름은 {g0}에서 {g_end}까지 바뀌었습니다. 실행이 초기 가중치에서 거의 벗어나지 않았습니다.",
    "sk_slow_trend": "**멈춘 것이 아니라 느릴 뿐입니다.** {tail}",
    "sk_slow": "**멈춘 것이 아니라 느릴 뿐입니다.** 같은 설정을 {longer} 에폭 학습하면 에폭 {learned_at}에서 XOR을 "
    "배웁니다. 에폭을 늘리면 도움이 됩니다. {tail}",
    "sk_slow_saddle": "**지금은 안장점에 있지만 영원히는 아닙니다.** 네 출력이 모두 0.5에서 {near} 이내이고 ({pred}) "
    "loss는 {loss}입니다 (ln 2 ≈ 0.693): 실행이 안장점에 머물러 있습니다. 같은 설정을 {longer} 에폭 학습하면 "
    "안장점을 벗어나 에폭 {learned_at}에서 XOR을 배웁니다. 에폭을 늘리면 도움이 됩니다. {tail}",
    "sk_saddle": "**ln 2의 안장점.** 네 출력이 모두 0.5에서 {near} 이내이고 ({pred}) loss는 {loss}입니다 "
    "(ln 2 ≈ 0.693). 모든 출력이 0.5이면 dL/dz2 = (ŷ − y)/4 = ±1/8이므로, 은닉 유닛마다 dL/dW2는 "
    "(1/8)·[h(0,0) − h(0,1) − h(1,0) + h(1,1)]입니다. 네 꼭짓점에서 아핀인 유닛(네 입력 모두에서 활성인 ReLU 유닛, "
    "죽은 유닛, 항등 함수)은 이 합이 0입니다. 여기서 합은 {sums}, 가장 큰 |dL/dW2|는 {d_w2}, 전체 기울기는 "
    "처음의 {g0}에서 줄어든 {grad}입니다. 이 지점에서 실행을 밀어내는 힘이 거의 없습니다.",
    "sk_hinge": "**평평한 구간: 꺾인 선 하나.** 입력 {corner}만 맞게 예측하고({p}), 나머지 세 입력은 모두 약 {shared}(으)로 "
    "같은 값을 냅니다. 세 정답 {targets}에 한 값으로 답할 때 가장 좋은 값은 정답의 평균인 {best}이고, 입력 {corner}까지 "
    "정확하면 그때의 loss는 {best_loss}입니다. 이 실행의 loss는 {loss}입니다. 0.5 경계가 꼭짓점 하나만 잘라 냈고, "
    "그곳의 기울기는 {grad}입니다.",
    "sk_half": "**둘은 맞고 둘은 0.5.** 맞게 예측한 입력: {right}. 0.5에 머문 입력: {rest} (정답 {targets}). "
    "0과 1에 한 값으로 답해야 할 때의 최선입니다. loss는 {loss}(으)로 ln 2 / 2 ≈ 0.347에 가깝고, 그곳의 "
    "기울기는 {grad}입니다.",
    "sk_other": "**전형적인 경우가 아닙니다.** 실행은 loss {loss}, 예측값 {pred}(으)로 끝납니다. 모두 0.5도 아니고, "
    "꺾인 선 하나도 아니고, 둘은 맞고 둘은 0.5인 경우도 아닙니다.",
    "sk_falling": "마지막 {tail_n} 에폭 동안 loss는 {a}에서 {b}까지, 실행 전체 평균 속도의 {pace} 이상으로 "
    "내려갔습니다. 아직 내려가는 중이므로 에폭을 늘리면 도움이 됩니다.",
    "sk_flat": "마지막 {tail_n} 에폭 동안 loss는 {a}에서 {b}까지, 실행 전체 평균 속도의 {pace}에도 못 미치게 "
    "움직였습니다. 더는 내려가지 않습니다.",
    "sk_other_near": "**0.5 근처지만 자리 잡지 않았습니다.** 네 출력이 모두 0.5에서 {near} 이내이고 ({pred}) loss는 "
    "{loss}이지만, 기울기 노름은 {g_end}(으)로 처음 {g0}의 {vanished} 아래로 줄지 않았습니다. 안장점에서 기울기가 "
    "사라졌다는 증거가 없습니다.",
    "sk_then_hinge": "남은 유닛이 꺾인 선 하나를 만듭니다: 입력 {corner}만 맞고 나머지 셋은 {shared}, loss는 "
    "(2·ln 1.5 + ln 3)/4 ≈ 0.4774 근처입니다.",
    "sk_then_saddle": "남은 신경망은 네 입력 모두에 0.5 근처로 답합니다: loss는 ln 2 ≈ 0.693 근처입니다.",
    "sk_longer_learns": "같은 설정을 {longer} 에폭 학습하면 에폭 {learned_at}에서 XOR을 배웁니다. 에폭을 늘리면 "
    "도움이 됩니다.",
    "sk_longer_falling": "같은 설정을 {longer} 에폭 학습해도 아직 XOR을 배우지 못했지만, loss는 계속 내려가고 "
    "있습니다 (마지막 {tail_n} 에폭 동안 {a}에서 {b}까지). 에폭을 늘리면 도움이 됩니다. 얼마나 더 필요한지는 재지 "
    "않았습니다.",
    "sk_longer_flat": "같은 설정을 {longer} 에폭 학습해도 XOR을 배우지 못하고, loss도 더는 내려가지 않습니다 "
    "(마지막 {tail_n} 에폭 동안 {a}에서 {b}까지). 에폭을 늘려도 이 실행은 나아지지 않습니다.",
    "sk_longer_max": "이 실행은 이미 사이드바가 허용하는 최대 에폭이라, 에폭을 더 늘리면 도움이 되는지는 재지 않았습니다.",
    # ---- the Experiments grid
    "sk_grid_dead": "격자의 시드 {n}개({first}–{last}) 중 {k}개는 처음부터 죽은 유닛을 하나 이상 가지고 시작합니다. "
    "은닉 유닛이 {hidden}개일 때, 초기 가중치가 어떤 유닛의 직선 z1 = 0에 대해 네 꼭짓점을 모두 음수 쪽에 두는 경우입니다. 모든 설정이 같은 "
    "시드에서 출발합니다.",
    "sk_grid_dead_relu_all": "ReLU에서는 그 {k}개가 모두 이 격자의 모든 ReLU 설정에서 실패합니다.",
    "sk_grid_dead_relu_some": "ReLU에서는 그중 {m}개가 이 격자의 모든 ReLU 설정에서 실패합니다.",
    "sk_grid_none_dead": "격자의 시드 {n}개 중 처음부터 죽은 유닛이 있는 시드는 없습니다 (은닉 유닛 {hidden}개).",
    "sk_table_caption": "실패한 실행마다 학습된 가중치와 그 실행의 추세에 맞는 첫 번째 경우(열)로 나눴습니다: "
    "시작부터 죽음 / 나중에 죽음(ReLU: 끝에 살아 있는 유닛이 둘 미만이고, 첫 에폭부터 죽은 유닛이 있음 / 없음), "
    "선형(항등 함수), 출발 전(loss 변화가 {moved_max} 미만이고 기울기 노름 변화가 {same}배 미만), 느림(마지막 {tail_share}의 "
    "에폭 동안 loss가 실행 전체 평균 속도의 {pace} 이상으로 아직 내려가거나, 버튼의 더 긴 실행이 XOR을 배움), "
    "안장점(모든 출력이 0.5에서 {near} 이내이고 기울기 노름이 처음의 {vanished} 아래), 꺾인 선 하나(≈ 0.4774), "
    "둘이 0.5(둘은 맞고 둘은 0.5, ≈ 0.347), 그 밖(어느 것도 아님).",
    "sk_col_setting": "설정",
    "sk_col_failures": "실패",
    "sk_col_dead_init": "시작부터 죽음",
    "sk_col_dead_later": "나중에 죽음",
    "sk_col_one_unit": "유닛 하나",
    "sk_col_linear": "선형",
    "sk_col_unmoved": "출발 전",
    "sk_col_slow": "느림",
    "sk_col_saddle": "안장점",
    "sk_col_hinge": "꺾인 선 하나",
    "sk_col_half": "둘이 0.5",
    "sk_col_other": "그 밖",
    "sk_rescue": "실패한 실행을 {longer} 에폭 학습",
    "sk_rescue_help": "격자의 실패한 실행을 모두 같은 시드에서 {longer} 에폭 다시 학습하고 (몇 초 걸립니다), 그중 "
    "몇 개가 XOR을 배우는지 셉니다.",
    "sk_rescue_max": "격자가 이미 사이드바 최대인 {epochs} 에폭을 학습하므로, 에폭을 늘리면 도움이 되는지는 재지 "
    "않았습니다.",
    "sk_rescued_some": "{longer} 에폭 학습하면 이만큼이 XOR을 배우게 됩니다: {list}.",
    "sk_rescued_none": "{longer} 에폭 학습해도 이 격자에서 실패한 실행은 하나도 XOR을 배우지 "
    "못합니다. 에폭을 늘려서 구제되는 실행은 없습니다.",
    "sk_not_rescued": "더 학습해도 한 실행도 XOR을 배우지 못한 설정: {list}.",
    "sk_of": "{setting}: {n}개 중 {k}개",
    # ---- an oscillating run (xorcore/oscillation.py)
    "osc_head": "**진동하고 있습니다.** 마지막 {tail}번의 에폭 동안",
    "osc_range": "{input}: {low} ~ {high}",
    "osc_pred": "이 입력들의 예측값이 에폭마다 번갈아 오르내렸습니다: {ranges}.",
    "osc_loss": "loss도 에폭마다 번갈아 오르내렸습니다({low} ~ {high}).",
    "osc_tail": "매번 {swing} 이상씩, 직전과 반대 방향으로 움직였습니다. 업데이트가 목표를 지나쳤다가 되돌아오기를 "
    "반복할 뿐 한곳에 자리 잡지 못합니다. 곡선은 구간마다 가장 낮은 값과 가장 높은 값을 함께 그리므로 이 오르내림이 "
    "띠처럼 보입니다.",
}
