"""Text of the Experiments page (keys start with ex_)."""

EN: dict[str, str] = {
    "ex_head_relu": "With {col}: {sig} learned XOR from {a} of {n} seeds, {relu} from {b} of {n}.",
    "ex_head_all": "{full} of the {cells} settings learned XOR from every seed; {lowest}",
    "ex_head_every": "Every one of the {cells} settings learned XOR from all {n} seeds.",
    "ex_head_none": "None of the {cells} settings learned XOR from every seed; {lowest}",
    "ex_low_one": "the lowest is {worst}: {k} of {n}.",
    "ex_low_tie": "{m} settings tie for the lowest, {k} of {n} each — {names}.",
    "ex_low_all_cols": "all {m}",
    "ex_low_every": "each learned from {k} of {n}.",
    "ex_slide_title": "Why did the lecture switch from ReLU to sigmoid?",
    "ex_slide_lead": "The same network from {n} seeds per setting: how often does it learn XOR?",
    "ex_slide_grid": "Grid: {rows} × {cols}; {seeds} seeds, {epochs} epochs. {fixed}",
    "ex_slide_how": "The grid is trained when this slide opens: the grid last run on this page if it used the "
    "sidebar's settings, else the default grid for them (every activation × every optimizer, "
    "{seeds} seeds, the sidebar's epochs). Change the sidebar to run another; choose rows and columns in reading "
    "mode.",
    "ex_slide_column": "The {col} column; every column's counts are under More explanation.",
    "ex_slide_rows": "The first {k} of them:",
    "ex_title": "Experiments: many seeds at once",
    "ex_intro": "The lecture's cell 1 records a switch of the hidden activation from ReLU to sigmoid; its comment "
    'only says it applies "the S-shaped curve from the formula earlier". This dashboard\'s reading: with ReLU and '
    "two hidden units the net often gets stuck. Here the same network is trained from many seeds at once, for every "
    "setting of a grid, and we count how often it learns XOR and why the other runs get stuck.",
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
    "ex_fixed_done_optimizers": "Every run used learning rate {lr} and {hidden} hidden units.",
    "ex_fixed_done_lrs": "Every run used the {opt} optimizer and {hidden} hidden units.",
    "ex_run": "Run the grid",
    "ex_run_help": "Train every setting from every seed (cached: the same grid again is instant).",
    "ex_empty": "Pick at least one activation and at least one {what} to run a grid.",
    "ex_press_run": "Choose a grid and press **Run the grid**. As set, it trains {runs} runs: {rows} activation(s) "
    "× {cols} {what} setting(s) × {seeds} seeds, {epochs} epochs each.",
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
    "The dashed line is ln 2 ≈ 0.693, the loss of answering 0.5 for every input, the best a single straight line "
    "does on XOR. Runs that learned XOR end far below it; stuck runs gather at it, at ≈ 0.4774 (one hinge: "
    "one corner right, the other three all at 2/3 or all at 1/3) or at ≈ 0.347 (two inputs right, two at 0.5).",
    "ex_loss_floor": "{k} runs ended below {floor} (the lowest at {low}): a log axis cannot reach 0, so they are "
    "drawn on the {floor} line, not at their loss.",
    "ex_loss_cap": "{k} runs in {m} settings end with at least one input's term at BCELoss's cap of {cap} (a "
    "prediction of exactly 0 or 1 on the wrong side), so their loss is at least {floor}; the highest of them is "
    "{high}.",
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
    "ex_why_header": "Why do runs get stuck?",
    "ex_why_text": "A failed run ends in one of a few places, each visible in its trained weights. "
    "**Dead unit (ReLU).** A ReLU unit outputs max(0, z1). If its line z1 = 0 has all four inputs on its negative "
    "side, the unit outputs 0 everywhere and its gradient is 0 everywhere: no gradient can bring it back (Adam or momentum only coast on what they "
    "gathered before it died). With two "
    "hidden units, one dead unit leaves a single live unit, which bends the plane along one line only, and XOR "
    "needs more. Leaky ReLU keeps a slope of 0.01 there: its units are not dead, their gradient is only a hundred times "
    "smaller. "
    "**The saddle at ln 2.** When every output is 0.5, dL/dz2 = (ŷ − y)/4 = ±1/8, and each unit's dL/dW2 is "
    "(1/8)·[h(0,0) − h(0,1) − h(1,0) + h(1,1)], which is 0 for a unit that is affine on the four corners (a ReLU "
    "unit active on all four inputs, a dead one): there the gradient vanishes. Where the units are only nearly "
    "affine, or the outputs only near 0.5, the gradient is small but not 0, and a run counted here (outputs "
    "within {near} of 0.5, gradient norm below {vanished} of its start) can still drift off the saddle after many "
    "more epochs: only a longer run tells. "
    "**One hinge (≈ 0.4774).** One corner right, the other three at one shared value: a plateau (a longer run shows whether it stays). "
    "**Two right, two at 0.5 (≈ 0.347).** Another plateau. Sigmoid and tanh have no flat zero region: "
    "float32 rounds their slope to exactly 0 only far out (|z| above {tanh_hi} for tanh; z above {sig_hi} or below "
    "−{sig_lo} for sigmoid), so a unit of theirs dies only if training drives all four of its z1 out there; their "
    "runs end in these places too (the table counts them). **Slow.** A run whose loss still falls over its last "
    "{tail_share} of the epochs, at least {pace} of the pace it averaged over the whole run, is counted slow: more "
    "epochs help it. **Not started.** A run whose loss changed by less than {moved_max} and whose gradient norm by "
    "less than a factor {same} has barely left its initial weights. "
    "**Linear.** With the identity nothing bends, and the best a line does is ln 2.",
    "ex_why_norelu": "Add ReLU to the activations and run the grid to count the seeds that start with a dead unit.",
    "ex_short_sgd": "SGD",
    "ex_short_momentum": "Momentum",
    "ex_short_adam": "Adam",
    "ex_short_rmsprop": "RMSprop",
    "ex_cached": "{runs} runs ({cells} settings × {seeds} seeds × {epochs} epochs), from the cache.",
}

KO: dict[str, str] = {
    "ex_head_relu": "{col}에서 {sig}(은)는 시드 {n}개 중 {a}개, {relu}(은)는 {n}개 중 {b}개에서 XOR을 배웠습니다.",
    "ex_head_all": "설정 {cells}개 중 {full}개가 모든 시드에서 XOR을 배웠습니다. {lowest}",
    "ex_head_every": "설정 {cells}개 모두 시드 {n}개 전부에서 XOR을 배웠습니다.",
    "ex_head_none": "설정 {cells}개 중 모든 시드에서 XOR을 배운 설정은 하나도 없습니다. {lowest}",
    "ex_low_one": "가장 낮은 설정은 {worst}(으)로, {n}개 중 {k}개입니다.",
    "ex_low_tie": "설정 {m}개가 각각 {n}개 중 {k}개로 함께 가장 낮습니다 — {names}.",
    "ex_low_all_cols": "{m}개 모두",
    "ex_low_every": "모든 설정이 {n}개 중 {k}개입니다.",
    "ex_slide_title": "강의는 왜 ReLU에서 시그모이드로 바꿨을까?",
    "ex_slide_lead": "설정마다 시드 {n}개로 같은 신경망을 학습합니다. XOR을 얼마나 자주 배울까요?",
    "ex_slide_grid": "격자: {rows} × {cols}, 시드 {seeds}개, {epochs} 에폭. {fixed}",
    "ex_slide_how": "격자는 이 슬라이드가 열릴 때 학습합니다. 이 페이지에서 마지막으로 실행한 격자가 사이드바 설정을 "
    "썼으면 그 격자, 아니면 그 설정의 기본 격자(모든 활성화 함수 × 모든 옵티마이저, 시드 {seeds}개, 사이드바의 "
    "에폭 수)입니다. 다른 격자는 사이드바를 바꾸면 실행되고, 행과 열은 읽기 모드에서 고릅니다.",
    "ex_slide_column": "{col} 열입니다. 모든 열의 수는 자세한 설명에 있습니다.",
    "ex_slide_rows": "그중 처음 {k}개:",
    "ex_title": "실험: 여러 시드를 한꺼번에",
    "ex_intro": '강의 1번 셀에는 은닉층 활성화 함수를 ReLU에서 시그모이드로 바꾼 기록이 있고, 주석은 "아까 '
    '수식에서 본 S자 곡선을 적용합니다"라고만 말합니다. ReLU와 은닉 유닛 2개로는 학습이 자주 멈춘다는 것은 이 '
    "대시보드의 해석입니다. 여기서는 같은 신경망을 격자의 설정마다 여러 시드로 한꺼번에 학습시키고, XOR을 얼마나 "
    "자주 배우는지, 나머지 실행은 왜 학습이 멈추는지 셉니다.",
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
    "ex_fixed_done_optimizers": "모든 실행은 학습률 {lr}, 은닉 유닛 {hidden}개로 학습했습니다.",
    "ex_fixed_done_lrs": "모든 실행은 {opt} 옵티마이저, 은닉 유닛 {hidden}개로 학습했습니다.",
    "ex_run": "격자 실행",
    "ex_run_help": "모든 설정을 모든 시드로 학습합니다 (캐시됨: 같은 격자는 바로 나옵니다).",
    "ex_empty": "격자를 실행하려면 활성화 함수를 하나 이상, {what}도 하나 이상 고르세요.",
    "ex_press_run": "격자를 고르고 **격자 실행**을 누르세요. 지금 설정으로는 실행 {runs}개를 학습합니다: 활성화 "
    "함수 {rows}개 × {what} 설정 {cols}개 × 시드 {seeds}개, 실행마다 {epochs} 에폭.",
    "ex_progress": "{row} 학습 중 … (활성화 함수 {total}개 중 {done}개 완료)",
    "ex_done": "실행 {runs}개 (설정 {cells}개 × 시드 {seeds}개 × {epochs} 에폭), {seconds:.1f}초.",
    "ex_vs_torch": "이 실행들은 PyTorch가 아니라 같은 수식을 numpy로 다시 구현한 엔진이 한꺼번에 학습합니다. 기본 "
    "격자에서 잰 결과({runs}번 실행: {cells}개 칸마다 시드 0–{last}, 양쪽으로 학습), {differ}번이 PyTorch 자체 실행과 "
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
    "점선은 ln 2 ≈ 0.693으로, 모든 입력에 0.5라고 답할 때의 loss이자 직선 하나가 XOR에서 할 수 있는 최선입니다. "
    "XOR을 배운 실행은 그보다 훨씬 아래에서 끝나고, 학습이 멈춘 실행은 이 선이나 ≈ 0.4774(꺾인 선 하나: 꼭짓점 "
    "하나는 맞고 나머지 셋은 모두 2/3 또는 모두 1/3), ≈ 0.347(두 입력은 맞고 두 입력은 0.5)에 모입니다.",
    "ex_loss_floor": "실행 {k}개는 {floor}보다 낮은 loss로 끝났습니다(가장 낮은 값 {low}). 로그 눈금은 0까지 "
    "내려갈 수 없어서, 이 실행들은 실제 loss가 아니라 {floor} 선 위에 그렸습니다.",
    "ex_loss_cap": "설정 {m}개의 실행 {k}개는 적어도 한 입력의 항이 BCELoss의 상한 {cap}에 걸린 채 끝납니다(틀린 쪽으로 "
    "정확히 0 또는 1을 예측). 그래서 이 실행들의 loss는 {floor} 이상이며, 그중 가장 높은 값은 {high}입니다.",
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
    "ex_open_help": "시드 {seed}(과)와 이 설정을 학습 곡선 페이지에서 엽니다",
    "ex_download": "모든 실행 내려받기 (CSV)",
    "ex_csv_row": "activation",
    "ex_csv_col": "column",
    "ex_why_header": "학습은 왜 멈출까?",
    "ex_why_text": "실패한 실행은 몇 가지 자리 중 하나에서 끝나며, 각 자리는 학습된 가중치에서 보입니다. "
    "**죽은 유닛 (ReLU).** ReLU 유닛은 max(0, z1)을 내보냅니다. 직선 z1 = 0의 음수 쪽에 네 입력이 모두 있으면 이 "
    "유닛은 어디서나 0을 내보내고 기울기도 어디서나 0이라, 어떤 기울기로도 되살릴 수 "
    "없습니다 (Adam이나 모멘텀은 죽기 전에 쌓인 관성으로만 움직입니다). 은닉 유닛이 2개면 "
    "하나만 죽어도 살아 있는 유닛 하나만 남고, 이 유닛은 평면을 직선 하나를 따라서만 꺾으므로 XOR에는 부족합니다. "
    "leaky ReLU는 그곳에서도 0.01의 기울기를 남겨서 유닛이 죽지 않고, 기울기가 백 분의 일로 작아질 뿐입니다. "
    "**ln 2의 안장점.** 모든 출력이 0.5이면 dL/dz2 = (ŷ − y)/4 = ±1/8이고, 유닛마다 dL/dW2는 "
    "(1/8)·[h(0,0) − h(0,1) − h(1,0) + h(1,1)]입니다. 네 꼭짓점에서 아핀인 유닛(네 입력 모두에서 활성인 ReLU 유닛, "
    "죽은 유닛)은 이 값이 0이라 그곳에서 기울기가 사라집니다. 유닛이 아핀에 가깝기만 하거나 출력이 0.5에 "
    "가깝기만 하면 기울기는 작을 뿐 0이 아니어서, 여기에 센 실행(출력이 모두 0.5에서 {near} 이내, 기울기 "
    "노름이 처음의 {vanished} 아래)도 훨씬 더 많은 에폭 뒤에는 안장점을 벗어날 수 있습니다. 더 오래 학습해 봐야 "
    "압니다. "
    "**꺾인 선 하나 (≈ 0.4774).** 꼭짓점 하나는 맞고 나머지 셋은 한 값을 함께 씁니다. 평평한 구간이며, 그대로 머무는지는 더 긴 실행이 알려 줍니다. "
    "**둘은 맞고 둘은 0.5 (≈ 0.347).** 또 하나의 평평한 구간입니다. 시그모이드와 tanh에는 기울기가 0인 평평한 구간이 "
    "없습니다. float32가 기울기를 정확히 0으로 반올림하는 곳은 멀리 떨어진 곳뿐이라(tanh는 |z|가 {tanh_hi}보다 클 때, "
    "시그모이드는 z가 {sig_hi}보다 크거나 −{sig_lo}보다 작을 때), 학습이 네 입력의 z1을 모두 그곳으로 보내야만 유닛이 "
    "죽습니다. 이들의 실행도 이런 자리에서 끝납니다 (표가 셉니다). **느림.** 마지막 {tail_share}의 에폭 동안 loss가 실행 전체 평균 속도의 {pace} 이상으로 아직 내려가는 "
    "실행은 느림으로 셉니다. 에폭을 늘리면 도움이 됩니다. **출발 전.** loss 변화가 {moved_max} 미만이고 기울기 노름 "
    "변화가 {same}배 미만인 실행은 초기 가중치에서 거의 벗어나지 않았습니다. **선형.** 항등 함수로는 아무것도 휘지 않고, 직선 하나의 "
    "최선은 ln 2입니다.",
    "ex_why_norelu": "활성화 함수에 ReLU를 넣고 격자를 실행하면 처음부터 죽은 유닛이 있는 시드를 셉니다.",
    "ex_short_sgd": "SGD",
    "ex_short_momentum": "모멘텀",
    "ex_short_adam": "Adam",
    "ex_short_rmsprop": "RMSprop",
    "ex_cached": "실행 {runs}개 (설정 {cells}개 × 시드 {seeds}개 × {epochs} 에폭), 캐시에서 가져옴.",
}
