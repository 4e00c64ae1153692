"""Text of the Solve it yourself page (keys sv_*, page_solve, notice_bad_theta)."""

EN: dict[str, str] = {
    "page_solve": "Solve it yourself",
    "notice_bad_theta": "The link's `{param}` must be {default} comma-separated finite numbers from −1000 to 1000 "
    "(W1 row by row, b1, W2, b2), once; it is not, so Solve it yourself starts from the run's initial parameters.",
    "sv_title": "Solve it yourself",
    "sv_intro": "Set every parameter by hand and watch the PyTorch model answer: the decision boundary, the hidden "
    "plane, the four predictions, their loss and the verdict follow every change. First one unit with no hidden "
    "layer (one line), then the 2-{hidden}-1 net of the sidebar ({act}).",
    "sv_task": "Truth table",
    "sv_task_help": "The targets of the four inputs the page judges against",
    "sv_truth": "Targets of {task}: (0,0) → {y0}, (0,1) → {y1}, (1,0) → {y2}, (1,1) → {y3}.",
    "sv_rule": "A prediction counts as right when it lies within {tol} of its target (below {lo} for 0, above {hi} "
    "for 1); {task} is learned when all four are right.",
    "sv_single_header": "One unit, no hidden layer: one line",
    "sv_single_slide": "One line cannot: a single unit on {task}",
    "sv_single_slide_can": "One line can: a single unit on {task}",
    "sv_single_text": "ŷ = sigmoid(w₁·x₁ + w₂·x₂ + b): three parameters. Where w·x + b = 0 is the only line it "
    "draws: one side says 1, the other 0.",
    "sv_single_zeros": "Zeros",
    "sv_single_line": "A line by hand",
    "sv_single_best": "Best of {seeds} trained seeds",
    "sv_seeds_linear": "**Trained from {seeds} seeds** (PyTorch, Adam, learning rate {lr}, {epochs} epochs): "
    "{n} of {seeds} single units are judged to have learned {task}; the lowest final loss is {loss}. One line "
    "solves {task}.",
    "sv_seeds_xor": "**No line solves {task}.** Trained from {seeds} seeds (PyTorch, Adam, learning rate {lr}, "
    "{epochs} epochs), {n} of {seeds} single units learn it; the lowest final loss is {loss} (ln 2 = {ln2}) and "
    "every prediction of every seed lies within {dist} of 0.5.",
    "sv_symmetry": "**Why 0.5 everywhere is the best.** Swapping x₁ ↔ 1 − x₁ and x₂ ↔ 1 − x₂ maps (0,0) ↔ (1,1) and "
    "(0,1) ↔ (1,0), and {task} gives both rows of each pair the same target. So the unit (−w₁, −w₂, b + w₁ + w₂) has "
    "exactly the loss of (w₁, w₂, b). The loss of one unit is convex in its parameters, so their average "
    "(0, 0, b + (w₁ + w₂)/2) does at least as well: a unit that ignores its inputs. Its best is ŷ = 0.5 for all four "
    "(two targets are 0, two are 1), loss ln 2 ≈ 0.693.",
    "sv_net_header": "Two lines and an AND: the 2-{hidden}-1 net",
    "sv_net_slide": "Two lines and an AND can: the 2-{hidden}-1 net on {task}",
    "sv_net_slide_other": "The 2-{hidden}-1 net on {task}",
    "sv_start_initial": "Initial (seed {seed})",
    "sv_start_trained": "Trained ({epochs} epochs)",
    "sv_start_zeros": "Zeros",
    "sv_start_hand": "Made by hand",
    "sv_hand_none": "A hand-made solution needs two hidden units; this net has one.",
    "sv_hand_text": "**Made by hand:** unit 1 is OR (its line x₁ + x₂ = 0.5: W1 row 1 = ({a}, {a}), b1 = {b}), unit 2 "
    "is NAND (its line x₁ + x₂ = 1.5: W1 row 2 = ({c}, {c}), b1 = {d}){rest}. In the hidden plane (0,1) and (1,0) "
    "land on one point and the output's line W2 = ({w1}, {w2}), b2 = {b2} cuts it off from the two corners.",
    "sv_hand_and": " With {act} both units say clearly yes or no, and the output is the AND of the two: XOR = OR "
    "and NAND.",
    "sv_hand_other": " The output's line is the one halfway between where the 1-rows and the 0-rows land.",
    "sv_hand_rest": "; the other {n} units are zero",
    "sv_hand_verdict_no": "With {act} this hand-made net does not learn XOR: the verdict below says so.",
    "sv_unit": "Hidden unit {i}",
    "sv_output": "Output",
    "sv_typed": "{name}, typed",
    "sv_slider_help": "The slider reaches ±{limit}; type a value for more (up to ±1000).",
    "sv_params_more": "All {n} parameters",
    "sv_col_input": "input",
    "sv_col_target": "target",
    "sv_col_pred": "ŷ",
    "sv_col_term": "loss term",
    "sv_col_right": "right?",
    "sv_yes": "✓",
    "sv_no": "✗",
    "sv_loss": "Loss (BCE, the mean of the four terms): **{loss}**",
    "sv_learned": "**Learned {task}:** {right}",
    "sv_not_learned": "**Not learned:** {right}",
    "sv_pred_caption": "Computed by PyTorch with exactly these parameters: model(X), then nn.BCELoss; a loss term is "
    "−[y·ln ŷ + (1 − y)·ln(1 − ŷ)].",
    "sv_train_header": "Train from here",
    "sv_train_text": "Train the net from the parameters set above with the sidebar's optimizer ({opt}), learning "
    "rate {lr} and {epochs} epochs, on {task} (PyTorch, `train(config, init=θ)`).",
    "sv_train_button": "Train from here",
    "sv_train_from": "Trained from θ = ({theta}) on {task}, {opt}, learning rate {lr}, {epochs} epochs.",
    "sv_train_result_ok": "Final loss {loss}: the trained net has learned {task}. {right}",
    "sv_train_result_no": "Final loss {loss}: the trained net has not learned {task}. {right}",
    "sv_train_diverged": "The run diverged at epoch {epoch} (a loss or parameter stopped being finite).",
    "sv_train_use": "Set the sliders to the trained parameters",
    "sv_train_stale": "The sliders have moved since: this run started from the parameters named above.",
    "sv_download": "Download the script of this run",
    "sv_download_help": "Standalone PyTorch: it starts from the same θ and prints the same final loss.",
    "sv_clipped": "{n} trained parameter(s) lay beyond ±1000 and were set to ±1000.",
    "sv_width_reset": "The net's width changed: the parameters start again from the run's initial ones.",
}

KO: dict[str, str] = {
    "page_solve": "직접 풀어보기",
    "notice_bad_theta": "링크의 `{param}` 값은 −1000부터 1000 사이의 유한한 수 {default}개를 쉼표로 구분해 한 번만 "
    "써야 하는데(W1 행 순서대로, b1, W2, b2) 그렇지 않습니다. 그래서 직접 풀어보기는 실행의 초기 파라미터에서 "
    "시작합니다.",
    "sv_title": "직접 풀어보기",
    "sv_intro": "파라미터를 하나하나 손으로 정하고 PyTorch 모델이 어떻게 답하는지 보세요. 값을 바꿀 때마다 결정 "
    "경계, 은닉 공간, 네 예측값과 loss, 판정이 바로 따라 바뀝니다. 먼저 은닉층 없이 유닛 하나(직선 하나)로, "
    "다음에는 사이드바의 2-{hidden}-1 신경망({act})으로 풀어 봅니다.",
    "sv_task": "진리표",
    "sv_task_help": "네 입력의 정답: 이 페이지는 이 정답으로 판정합니다",
    "sv_truth": "{task}의 정답: (0,0) → {y0}, (0,1) → {y1}, (1,0) → {y2}, (1,1) → {y3}.",
    "sv_rule": "예측값이 정답과 {tol} 이내이면(정답 0이면 {lo} 미만, 1이면 {hi} 초과) 맞은 것으로 셉니다. "
    "넷 다 맞으면 {task}(을)를 학습한 것입니다.",
    "sv_single_header": "은닉층 없는 유닛 하나: 직선 하나",
    "sv_single_slide": "직선 하나로는 안 된다: 유닛 하나로 푸는 {task}",
    "sv_single_slide_can": "직선 하나면 된다: 유닛 하나로 푸는 {task}",
    "sv_single_text": "ŷ = sigmoid(w₁·x₁ + w₂·x₂ + b), 파라미터는 세 개입니다. 이 유닛이 그을 수 있는 것은 "
    "w·x + b = 0이라는 직선 하나뿐이고, 한쪽은 1, 다른 쪽은 0이라고 답합니다.",
    "sv_single_zeros": "모두 0",
    "sv_single_line": "손으로 그은 직선",
    "sv_single_best": "시드 {seeds}개로 학습한 것 중 최고",
    "sv_seeds_linear": "**시드 {seeds}개로 학습한 결과**(PyTorch, Adam, 학습률 {lr}, {epochs} 에포크): 유닛 "
    "{seeds}개 중 {n}개가 {task}(을)를 학습했다고 판정되고, 가장 낮은 최종 loss는 {loss}입니다. {task}(은)는 "
    "직선 하나로 풀립니다.",
    "sv_seeds_xor": "**{task}(은)는 어떤 직선으로도 풀리지 않습니다.** 시드 {seeds}개로 학습하면(PyTorch, Adam, "
    "학습률 {lr}, {epochs} 에포크) {seeds}개 중 {n}개가 학습하고, 가장 낮은 최종 loss는 {loss}(ln 2 = {ln2})이며 "
    "모든 시드의 모든 예측값이 0.5에서 {dist} 이내에 있습니다.",
    "sv_symmetry": "**왜 모두 0.5가 최선인가.** x₁ ↔ 1 − x₁, x₂ ↔ 1 − x₂로 바꾸면 (0,0) ↔ (1,1), (0,1) ↔ (1,0)이 "
    "서로 자리를 바꾸는데, {task}에서는 짝을 이룬 두 행의 정답이 같습니다. 그러니 유닛 (−w₁, −w₂, b + w₁ + w₂)의 "
    "loss는 (w₁, w₂, b)의 loss와 똑같습니다. 유닛 하나의 loss는 파라미터에 대해 볼록하므로 둘의 평균 "
    "(0, 0, b + (w₁ + w₂)/2)도 그만큼은 잘합니다. 이것은 입력을 보지 않는 유닛이고, 정답이 0 둘, 1 둘이니 "
    "최선은 네 입력 모두 ŷ = 0.5, loss ln 2 ≈ 0.693입니다.",
    "sv_net_header": "직선 둘과 AND: 2-{hidden}-1 신경망",
    "sv_net_slide": "직선 둘과 AND면 된다: 2-{hidden}-1 신경망으로 푸는 {task}",
    "sv_net_slide_other": "2-{hidden}-1 신경망으로 푸는 {task}",
    "sv_start_initial": "초기값 (시드 {seed})",
    "sv_start_trained": "학습 후 ({epochs} 에포크)",
    "sv_start_zeros": "모두 0",
    "sv_start_hand": "손으로 만든 해",
    "sv_hand_none": "손으로 만든 해에는 은닉 유닛이 둘 필요한데, 이 신경망에는 하나뿐입니다.",
    "sv_hand_text": "**손으로 만든 해:** 유닛 1은 OR입니다(직선 x₁ + x₂ = 0.5: W1의 1행 = ({a}, {a}), b1 = {b}). "
    "유닛 2는 NAND입니다(직선 x₁ + x₂ = 1.5: W1의 2행 = ({c}, {c}), b1 = {d}){rest}. 은닉 공간에서 (0,1)과 (1,0)은 "
    "한 점에 모이고, 출력의 직선 W2 = ({w1}, {w2}), b2 = {b2}(이)가 그 점을 두 모서리와 갈라놓습니다.",
    "sv_hand_and": " {act}에서는 두 유닛이 분명하게 예/아니오로 답하므로 출력은 둘의 AND입니다: XOR = OR 그리고 NAND.",
    "sv_hand_other": " 출력의 직선은 정답 1인 행들과 0인 행들이 모인 곳의 한가운데를 지납니다.",
    "sv_hand_rest": ". 나머지 유닛 {n}개는 모두 0입니다",
    "sv_hand_verdict_no": "{act}에서는 이렇게 손으로 만든 신경망도 XOR를 학습하지 못합니다. 아래 판정이 그렇다고 "
    "말합니다.",
    "sv_unit": "은닉 유닛 {i}",
    "sv_output": "출력",
    "sv_typed": "{name} 직접 입력",
    "sv_slider_help": "슬라이더는 ±{limit}까지입니다. 더 큰 값은 직접 입력하세요(±1000까지).",
    "sv_params_more": "파라미터 {n}개 모두",
    "sv_col_input": "입력",
    "sv_col_target": "정답",
    "sv_col_pred": "ŷ",
    "sv_col_term": "loss 항",
    "sv_col_right": "맞음?",
    "sv_yes": "✓",
    "sv_no": "✗",
    "sv_loss": "loss (BCE, 네 항의 평균): **{loss}**",
    "sv_learned": "**{task} 학습 성공:** {right}",
    "sv_not_learned": "**학습 실패:** {right}",
    "sv_pred_caption": "바로 이 파라미터로 PyTorch가 계산한 값입니다: model(X) 다음 nn.BCELoss. loss 항은 "
    "−[y·ln ŷ + (1 − y)·ln(1 − ŷ)]입니다.",
    "sv_train_header": "여기서부터 학습",
    "sv_train_text": "위에서 정한 파라미터에서 출발해 사이드바의 옵티마이저({opt}), 학습률 {lr}, {epochs} 에포크로 "
    "{task}(을)를 학습합니다(PyTorch, `train(config, init=θ)`).",
    "sv_train_button": "여기서부터 학습",
    "sv_train_from": "θ = ({theta})에서 출발해 {task}, {opt}, 학습률 {lr}, {epochs} 에포크로 학습했습니다.",
    "sv_train_result_ok": "최종 loss {loss}: 학습된 신경망은 {task}(을)를 학습했습니다. {right}",
    "sv_train_result_no": "최종 loss {loss}: 학습된 신경망은 {task}(을)를 학습하지 못했습니다. {right}",
    "sv_train_diverged": "{epoch} 에포크에서 발산했습니다(loss나 파라미터가 유한하지 않게 되었습니다).",
    "sv_train_use": "슬라이더를 학습된 파라미터로 맞추기",
    "sv_train_stale": "그 뒤로 슬라이더가 움직였습니다. 이 학습은 위에 적힌 파라미터에서 출발했습니다.",
    "sv_download": "이 학습의 스크립트 내려받기",
    "sv_download_help": "PyTorch만 있으면 되는 스크립트: 같은 θ에서 출발해 같은 최종 loss를 출력합니다.",
    "sv_clipped": "학습된 파라미터 {n}개가 ±1000을 넘어 ±1000으로 맞췄습니다.",
    "sv_width_reset": "신경망의 너비가 바뀌어 파라미터를 실행의 초기값에서 다시 시작합니다.",
}
