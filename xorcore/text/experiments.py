"""Text of the Experiments page (keys start with ex_)."""

EN: dict[str, str] = {
    "ex_title": "Experiments: many seeds at once",
    "ex_intro": "The lecture switched the hidden activation from ReLU to sigmoid because, with ReLU and two "
    "hidden units, the net often got stuck. Here the same network is trained from many seeds at once, for "
    "every setting of a grid, and we count how often it learns XOR.",
    "ex_kind": "Grid",
    "ex_kind_optimizers": "Activations × optimizers",
    "ex_kind_lrs": "Activations × learning rates",
    "ex_acts": "Activations (rows)",
    "ex_opts": "Optimizers (columns)",
    "ex_lrs": "Learning rates (columns)",
    "ex_what_optimizers": "optimizer",
    "ex_what_lrs": "learning rate",
    "ex_seeds": "Seeds per setting",
    "ex_seeds_help": "Every setting trains seeds 0 … N−1: the same starting weights in every cell.",
    "ex_epochs": "Epochs",
    "ex_epochs_help": "Full-batch updates per run (the sidebar's value is the default).",
    "ex_fixed_optimizers": "Every run uses learning rate {lr} and {hidden} hidden units (from the sidebar).",
    "ex_fixed_lrs": "Every run uses the {opt} optimizer and {hidden} hidden units (from the sidebar).",
    "ex_run": "Run the grid",
    "ex_run_help": "Train every setting from every seed (cached: the same grid again is instant).",
    "ex_empty": "Pick at least one activation and at least one {what} to run a grid.",
    "ex_press_run": "Choose a grid and press **Run the grid**. "
    "The default grid (5 activations × 4 optimizers × 100 seeds × 2000 epochs) takes about a second.",
    "ex_progress": "Training {row} … ({done} of {total} activations done)",
    "ex_done": "{runs} runs ({cells} settings × {seeds} seeds × {epochs} epochs) in {seconds:.1f} s.",
    "ex_vs_torch": "These runs are trained together by a numpy re-implementation of the same math, not by PyTorch "
    "itself. Measured on the default grid ({runs} runs: seeds 0–{last} of each of its {cells} cells, trained both "
    "ways), {differ} ended with another outcome than PyTorch's own run ({share}): runs that pass near a saddle, "
    "where the last bit of a sum decides. A seed opened from here is trained in PyTorch.",
    "ex_vs_torch_none": "These runs are trained together by a numpy re-implementation of the same math, not by "
    "PyTorch itself; how often its outcomes differ from PyTorch's has not been measured on this installation "
    "(python -m benchmarks.agreement). A seed opened from here is trained in PyTorch.",
    "ex_results_for": "Results of the last run: {rows} × {cols}; {seeds} seeds, {epochs} epochs. {fixed}",
    "ex_heat_header": "Success rate per setting",
    "ex_heat_title": "How often each setting learns XOR",
    "ex_heat_desc": "Heatmap: hidden activations in rows, {cols} in columns; colour is the share of seeds "
    "that learned XOR, the text gives successes out of runs.",
    "ex_heat_caption": "{rule} Each cell shows successes / runs; darker blue means more seeds learned XOR.",
    "ex_axis_activation": "Hidden activation",
    "ex_axis_optimizers": "Optimizer",
    "ex_axis_lrs": "Learning rate",
    "ex_legend_rate": "Success rate",
    "ex_loss_header": "Spread of the final losses",
    "ex_loss_title": "Final loss of every run",
    "ex_loss_desc": "Strip plot, one panel per hidden activation: the final loss of every run (log scale) "
    "for each {col}, coloured by whether the run learned XOR; a dashed line marks ln 2.",
    "ex_loss_caption": "One dot per run, spread sideways so they do not hide each other. "
    "The dashed line is ln 2 ≈ 0.693, the loss of answering 0.5 for every input. "
    "Runs that learned XOR end far below it; stuck runs gather at it, at ≈ 0.48 (the best a single "
    "straight line can do) or at ≈ 0.35 (two inputs right, two at 0.5).",
    "ex_loss_diverged": "{n} runs diverged (their loss is not finite) and are not drawn.",
    "ex_axis_loss": "Final loss (log scale)",
    "ex_legend_outcome": "Outcome",
    "ex_learned": "learned XOR",
    "ex_failed": "did not learn",
    "ex_fail_header": "Failing seeds",
    "ex_fail_intro": "Pick a setting to list its failing seeds; **Open** shows that run on the Training Curve "
    "page (the sidebar switches to its seed and setting).",
    "ex_fail_cell": "Setting",
    "ex_fail_cell_option": "{act} · {col}: {n} failed",
    "ex_fail_none": "Every run of this grid learned XOR: no failing seeds.",
    "ex_fail_count": "{n} of {total} runs failed in this setting.",
    "ex_fail_page": "Rows (of {n})",
    "ex_col_seed": "Seed",
    "ex_col_loss": "Final loss",
    "ex_col_pred": "Final predictions (0,0) (0,1) (1,0) (1,1)",
    "ex_col_dead": "Dead hidden units",
    "ex_col_open": "Inspect",
    "ex_dead_of": "{dead} of {hidden}",
    "ex_dead_na": "—",
    "ex_diverged": "diverged",
    "ex_open": "Open",
    "ex_open_help": "Open seed {seed} with this setting on the Training Curve page",
    "ex_download": "Download every run (CSV)",
    "ex_csv_row": "activation",
    "ex_csv_col": "column",
    "ex_why_header": "Why did ReLU fail?",
    "ex_why_text": "A ReLU unit outputs max(0, z1). If its z1 is negative for all four inputs, it outputs 0 "
    "everywhere and its gradient is 0 everywhere: no update can ever bring it back. It is **dead**. "
    "With only two hidden units, one dead unit leaves a single working unit, which can only cut the "
    "plane with one straight line, and XOR needs two; with both dead the output is a constant. "
    "A unit that is positive on all four inputs does not help either: there ReLU is the identity, "
    "so it does not bend anything. The net can no longer bend the space enough to separate the four "
    "points, and the run stops learning at a loss near 0.48 (one line) or ln 2 ≈ 0.693 (all outputs 0.5). "
    "Sigmoid and tanh never have an exactly zero gradient, so their units cannot die. With two hidden "
    "units they still fail sometimes, stuck on a flat region or in a local minimum of the loss (more "
    "epochs do not rescue those runs), and plain SGD at lr 0.01 is simply too slow for 2000 epochs. "
    "Leaky ReLU keeps a slope of 0.01 for negative z1, so its units are not dead, only slow to come back.",
    "ex_why_data": "In this grid ReLU failed in **{fail} of {runs}** runs. Dead hidden units at the end of the "
    "failed runs: {breakdown}. In {init} of the failed runs a unit was dead already at the start (its "
    "initial weights put all four inputs on the negative side of its line).",
    "ex_why_breakdown": "{k} dead: {n} runs",
    "ex_why_norelu": "Add ReLU to the activations and run the grid to count its dead units.",
    "ex_why_allok": "In this grid every ReLU run learned XOR.",
    "ex_short_sgd": "SGD",
    "ex_short_momentum": "Momentum",
    "ex_short_adam": "Adam",
    "ex_short_rmsprop": "RMSprop",
    "ex_cached": "{runs} runs ({cells} settings × {seeds} seeds × {epochs} epochs), from the cache.",
}

KO: dict[str, str] = {
    "ex_title": "실험: 여러 시드를 한꺼번에",
    "ex_intro": "강의에서는 은닉층 활성화 함수를 ReLU에서 시그모이드로 바꿨습니다. ReLU와 은닉 유닛 2개로는 "
    "학습이 자주 멈췄기 때문입니다. 여기서는 같은 신경망을 격자의 설정마다 여러 시드로 한꺼번에 학습시키고, "
    "XOR을 얼마나 자주 배우는지 셉니다.",
    "ex_kind": "격자",
    "ex_kind_optimizers": "활성화 함수 × 옵티마이저",
    "ex_kind_lrs": "활성화 함수 × 학습률",
    "ex_acts": "활성화 함수 (행)",
    "ex_opts": "옵티마이저 (열)",
    "ex_lrs": "학습률 (열)",
    "ex_what_optimizers": "옵티마이저",
    "ex_what_lrs": "학습률",
    "ex_seeds": "설정마다 시드 수",
    "ex_seeds_help": "모든 설정이 시드 0 … N−1로 학습합니다. 즉 모든 칸이 같은 초기 가중치에서 출발합니다.",
    "ex_epochs": "에폭 수",
    "ex_epochs_help": "한 실행의 전체 배치 업데이트 횟수 (기본값은 사이드바의 값).",
    "ex_fixed_optimizers": "모든 실행은 학습률 {lr}, 은닉 유닛 {hidden}개를 씁니다 (사이드바 설정).",
    "ex_fixed_lrs": "모든 실행은 {opt} 옵티마이저, 은닉 유닛 {hidden}개를 씁니다 (사이드바 설정).",
    "ex_run": "격자 실행",
    "ex_run_help": "모든 설정을 모든 시드로 학습합니다 (캐시됨: 같은 격자는 바로 나옵니다).",
    "ex_empty": "격자를 실행하려면 활성화 함수와 {what}을(를) 하나 이상 고르세요.",
    "ex_press_run": "격자를 고르고 **격자 실행**을 누르세요. "
    "기본 격자(활성화 함수 5개 × 옵티마이저 4개 × 시드 100개 × 2000 에폭)는 1초 남짓 걸립니다.",
    "ex_progress": "{row} 학습 중 … (활성화 함수 {total}개 중 {done}개 완료)",
    "ex_done": "실행 {runs}개 (설정 {cells}개 × 시드 {seeds}개 × {epochs} 에폭), {seconds:.1f}초.",
    "ex_vs_torch": "이 실행들은 PyTorch가 아니라 같은 수식을 numpy로 다시 구현한 엔진이 한꺼번에 학습합니다. 기본 "
    "그리드에서 잰 결과({runs}번 실행: {cells}개 칸마다 시드 0–{last}, 양쪽으로 학습), {differ}번이 PyTorch 자체 실행과 "
    "다른 결과로 끝났습니다({share}). 안장점 근처를 지나가서 합의 마지막 비트가 결과를 가른 실행들입니다. 여기서 여는 "
    "시드는 PyTorch로 학습합니다.",
    "ex_vs_torch_none": "이 실행들은 PyTorch가 아니라 같은 수식을 numpy로 다시 구현한 엔진이 한꺼번에 학습합니다. 이 "
    "설치에서는 PyTorch와 결과가 얼마나 다른지 아직 재지 않았습니다(python -m benchmarks.agreement). 여기서 여는 시드는 "
    "PyTorch로 학습합니다.",
    "ex_results_for": "마지막 실행 결과: {rows} × {cols}, 시드 {seeds}개, {epochs} 에폭. {fixed}",
    "ex_heat_header": "설정별 성공률",
    "ex_heat_title": "설정마다 XOR을 배우는 비율",
    "ex_heat_desc": "히트맵: 행은 은닉층 활성화 함수, 열은 {cols}입니다. 색은 XOR을 배운 시드의 비율, "
    "글자는 실행 수 중 성공 수입니다.",
    "ex_heat_caption": "{rule} 칸마다 성공 수 / 실행 수를 적었고, 파랄수록 더 많은 시드가 XOR을 배웠습니다.",
    "ex_axis_activation": "은닉층 활성화 함수",
    "ex_axis_optimizers": "옵티마이저",
    "ex_axis_lrs": "학습률",
    "ex_legend_rate": "성공률",
    "ex_loss_header": "최종 loss의 분포",
    "ex_loss_title": "실행마다의 최종 loss",
    "ex_loss_desc": "스트립 플롯, 은닉층 활성화 함수마다 한 칸: {col}별로 모든 실행의 최종 loss(로그 눈금)를 "
    "XOR을 배웠는지에 따라 색으로 나눠 찍었고, 점선은 ln 2입니다.",
    "ex_loss_caption": "점 하나가 실행 하나이며, 서로 가리지 않도록 옆으로 흩어 놓았습니다. "
    "점선은 ln 2 ≈ 0.693으로, 모든 입력에 0.5라고 답할 때의 loss입니다. "
    "XOR을 배운 실행은 그보다 훨씬 아래에서 끝나고, 멈춘 실행은 이 선 위나 ≈ 0.48(직선 하나로 할 수 있는 "
    "최선), ≈ 0.35(두 입력은 맞고 두 입력은 0.5)에 모입니다.",
    "ex_loss_diverged": "실행 {n}개는 발산해서(loss가 유한하지 않음) 그리지 않았습니다.",
    "ex_axis_loss": "최종 loss (로그 눈금)",
    "ex_legend_outcome": "결과",
    "ex_learned": "XOR 학습 성공",
    "ex_failed": "학습 실패",
    "ex_fail_header": "실패한 시드",
    "ex_fail_intro": "설정을 고르면 실패한 시드가 나옵니다. **열기**를 누르면 그 실행을 학습 곡선 페이지에서 "
    "보여 줍니다 (사이드바가 그 시드와 설정으로 바뀝니다).",
    "ex_fail_cell": "설정",
    "ex_fail_cell_option": "{act} · {col}: {n}개 실패",
    "ex_fail_none": "이 격자의 모든 실행이 XOR을 배웠습니다. 실패한 시드가 없습니다.",
    "ex_fail_count": "이 설정에서는 실행 {total}개 중 {n}개가 실패했습니다.",
    "ex_fail_page": "행 ({n}개 중)",
    "ex_col_seed": "시드",
    "ex_col_loss": "최종 loss",
    "ex_col_pred": "최종 예측값 (0,0) (0,1) (1,0) (1,1)",
    "ex_col_dead": "죽은 은닉 유닛",
    "ex_col_open": "살펴보기",
    "ex_dead_of": "{hidden}개 중 {dead}개",
    "ex_dead_na": "—",
    "ex_diverged": "발산",
    "ex_open": "열기",
    "ex_open_help": "시드 {seed}와 이 설정을 학습 곡선 페이지에서 엽니다",
    "ex_download": "모든 실행 내려받기 (CSV)",
    "ex_csv_row": "activation",
    "ex_csv_col": "column",
    "ex_why_header": "ReLU는 왜 실패했을까?",
    "ex_why_text": "ReLU 유닛은 max(0, z1)을 내보냅니다. 네 입력 모두에서 z1이 음수이면 어디서나 0을 내보내고 "
    "기울기도 어디서나 0이라서, 어떤 업데이트로도 되살릴 수 없습니다. 이 유닛은 **죽었습니다**. "
    "은닉 유닛이 2개뿐이면 하나만 죽어도 살아 있는 유닛 하나만 남는데, 이 유닛은 평면을 직선 하나로만 "
    "자를 수 있고 XOR에는 직선이 두 개 필요합니다. 둘 다 죽으면 출력은 상수가 됩니다. "
    "네 입력 모두에서 양수인 유닛도 도움이 되지 않습니다. 그 구간에서 ReLU는 항등 함수라 공간을 전혀 휘지 "
    "못하기 때문입니다. 공간을 네 점을 가를 만큼 충분히 휘게 만들 수 없으니 학습이 멈추고, loss는 0.48(직선 "
    "하나)이나 ln 2 ≈ 0.693(모든 출력이 0.5) 근처에 머뭅니다. 시그모이드와 tanh는 기울기가 정확히 0이 되는 "
    "일이 없어서 유닛이 죽지 않습니다. 그래도 은닉 유닛이 2개뿐이면 loss의 평평한 구간이나 국소 최솟값에 갇혀 "
    "실패하기도 합니다 (이런 실행은 에폭을 늘려도 살아나지 않습니다). 학습률 0.01의 SGD는 2000 에폭 안에 "
    "배우기에는 그냥 너무 느립니다. leaky ReLU는 음수 z1에서도 0.01의 기울기가 남아 있어서 유닛이 죽지 않고, "
    "되살아나는 데 오래 걸릴 뿐입니다.",
    "ex_why_data": "이 격자에서 ReLU는 실행 **{runs}개 중 {fail}개**에서 실패했습니다. 실패한 실행이 끝났을 때 "
    "죽은 은닉 유닛 수: {breakdown}. 실패한 실행 중 {init}개는 처음부터 죽은 유닛이 있었습니다 "
    "(초기 가중치가 네 입력을 모두 그 유닛 직선의 음수 쪽에 두었습니다).",
    "ex_why_breakdown": "{k}개 죽음: 실행 {n}개",
    "ex_why_norelu": "활성화 함수에 ReLU를 넣고 격자를 실행하면 죽은 유닛 수를 셉니다.",
    "ex_why_allok": "이 격자에서는 ReLU의 모든 실행이 XOR을 배웠습니다.",
    "ex_short_sgd": "SGD",
    "ex_short_momentum": "모멘텀",
    "ex_short_adam": "Adam",
    "ex_short_rmsprop": "RMSprop",
    "ex_cached": "실행 {runs}개 (설정 {cells}개 × 시드 {seeds}개 × {epochs} 에폭), 캐시에서 가져옴.",
}
