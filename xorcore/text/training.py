"""Text of the training page and of its chart builders in xorcore/views/curves.py (keys train_*)."""

EN: dict[str, str] = {
    # ---- page
    "train_title": "Training Curve",
    "train_vs_engine": "On the Experiments page this seed counted as **{engine}**; PyTorch's own run, shown here, "
    "**{torch}**. Experiments trains thousands of runs at once with a numpy re-implementation of the same math, "
    "which rounds the last bit of some sums differently. {why}",
    "train_vs_engine_saddle": "This run sat at the saddle for {n} epochs (loss within 0.001 of ln 2 ≈ 0.693, every "
    "output near 0.5): there the gradient is almost 0, so a last-bit difference is as large as the gradient itself"
    "{adaptive}, and it decides which way the run leaves, or whether it leaves at all.",
    "train_vs_engine_adaptive": ", and {opt} divides each step by the gradient's own recent size, so even that "
    "difference becomes a full step",
    "train_vs_engine_other": "The run passed close to a point where such a bit decides the outcome.",
    "train_outcome_yes": "learned XOR",
    "train_outcome_no": "did not learn XOR",
    "train_intro": "The whole run of the sidebar's settings, epoch by epoch. Epoch e shows the model *after* e "
    "updates, before update number e + 1 (epoch 0 is the untrained model, the loss the lecture computes by "
    "hand); the last epoch, {n}, is the trained model.",
    "train_m_final_loss": "Final loss",
    "train_m_accuracy": "Final accuracy",
    "train_m_success": "XOR learned?",
    "train_m_epochs": "Epochs run",
    "train_success_yes": "yes ✓",
    "train_success_no": "no ✗",
    "train_log": "Log scale for the loss",
    "train_log_help": "A log scale shows the slow tail of the loss, where a linear one looks flat.",
    "train_diverged_zero": "The run diverged at once (epoch 0): the loss or a parameter was not finite from the start. "
    "There is nothing to replay; try a smaller learning rate or another optimizer.",
    # ---- explorer
    "train_explorer": "Replay the learning",
    "train_explorer_caption": "Drag the epoch or press play: the loss marker, the predictions, the decision boundary, "
    "the hidden plane and the network diagram all show that one epoch. Replaying never retrains: the run is cached.",
    "train_epoch": "Epoch",
    "train_epoch_help": "0 = the untrained model; {n} = the trained model.",
    "train_play": "Play",
    "train_pause": "Pause",
    "train_play_help": "Advance the epoch a few times a second (shortcut: K). At the end it stops; play again to restart.",
    "train_speed": "Speed",
    "train_speed_slow": "slow",
    "train_speed_normal": "normal",
    "train_speed_fast": "fast",
    "train_speed_help": "A whole replay takes {slow_s}, {normal_s} or {fast_s} s: {slow}, {normal} or {fast} frames at {fps} a second. A computer that draws fewer skips epochs to keep that time.",
    "train_at_loss": "Loss",
    "train_at_acc": "Accuracy",
    "train_at_grad": "Gradient norm",
    "train_at_grad_none": "—",
    "train_at_trained": "Epoch {epoch} of {n}: the trained model.",
    "train_at_grad_help": "Length of the gradient at this epoch; the trained model takes no step, so it has none.",
    "train_at_epoch": "Epoch {epoch} of {n}: the model before its update number {next}.",
    "train_pred_at": "Predictions at the epoch above",
    "train_diagram_at": "The network at the epoch above",
    "train_diagram_caption": "Every weight and bias at the epoch above: blue positive, vermillion negative, "
    "thicker = larger.",
    "train_dead_note": "Under ReLU, hidden unit(s) {units} output 0 for all four inputs at this epoch (dead): "
    "no gradient reaches their weights.",
    "train_dead": "dead",
    "train_boundary_caption": "Decision boundary at the epoch above: the prediction over the input plane. {line}",
    "train_boundary_caption_playing": "Decision boundary at the epoch above, drawn as its 0.5 line only while playing "
    "(pause for the prediction's colours over the plane). {line}",
    "train_hidden_caption": "Hidden plane at the epoch above: the four inputs after Linear 1 and the activation.",
    "train_loss_caption": "The loss per epoch; the green line marks the epoch above. Hover for values.",
    "train_loss_caption_playing": "The loss per epoch; the green line marks the epoch above.",
    # ---- curves
    "train_curves": "How the run learned",
    "train_acc_caption": "Share of the four inputs whose prediction is within {tol} of its target, per epoch.",
    "train_grad_caption": "The length of the gradient of the loss over all parameters, per epoch.",
    "train_pred_caption": "Each input's prediction per epoch; dashed lines at its target, 0 or 1.",
    "train_params_caption": "Every weight and bias per epoch.",
    # ---- pins
    "train_pins": "Compare runs",
    "train_pins_caption": "Pin this run, change a setting in the sidebar (for example the optimizer), pin again: "
    "up to {max} pinned loss curves share one chart with the current run. Pins stay while you switch pages, "
    "in this browser tab only.",
    "train_pin": "Pin this run",
    "train_pin_help": "Keep this run's loss curve on the comparison chart.",
    "train_pinned_already": "This run is pinned.",
    "train_pins_full": "{max} runs are pinned; unpin one first.",
    "train_unpin": "Unpin",
    "train_unpin_all": "Unpin all",
    "train_no_pins": "No pinned runs yet. Pin this run, change a setting, and pin again to compare.",
    "train_current": "{label} (current)",
    "train_pin_row": "**{label}**: final loss {loss}, {verdict}",
    "train_overlay_caption": "Loss curves of {n} runs in one chart; the current run is the thick line.",
    # ---- final predictions
    "train_final": "Final predictions",
    "train_final_caption": "The trained model (seed {seed}) on the four inputs, printed the way the lecture's cell 1 "
    "prints its predictions. Cell 1 sets no seed, so its own numbers ([{lecture}]) came from a random start that "
    "cannot be reproduced; with these settings, {fails} of {runs} seeds (0–{last}) do not learn XOR (counted as the Experiments page "
    "counts, with its numpy engine).",
    "train_final_diverged": "The run diverged, so there is no trained model; these are the predictions at epoch {epoch}, "
    "the last finite one.",
    "train_printout_head": "PyTorch ({act}) predictions:",
    # ---- downloads
    "train_downloads": "Downloads",
    "train_dl_csv": "History as CSV",
    "train_dl_csv_help": "One row per epoch: epoch, loss, accuracy, gradient norm, the four predictions and every "
    "parameter.",
    "train_dl_script": "Standalone PyTorch script",
    "train_dl_script_help": "Plain PyTorch (no xorcore): trains this run and prints its final loss.",
    "train_script_show": "Show the script",
    "train_script_caption": "It ends by printing `final loss: {loss}`, the value this page computed.",
    "train_script_caption_div": "It stops where the run diverges, as this page does.",
    # ---- charts (xorcore/views/curves.py)
    "train_ax_epoch": "epoch",
    "train_ax_loss": "loss (BCE)",
    "train_ax_loss_log": "loss (BCE, log scale)",
    "train_ax_accuracy": "accuracy",
    "train_ax_pred": "y_pred (prediction)",
    "train_ax_param": "value",
    "train_ax_grad": "‖∂L/∂θ‖",
    "train_ax_grad_log": "‖∂L/∂θ‖ (log)",
    "train_marker": "epoch {epoch}",
    "train_loss_title": "Loss per epoch",
    "train_loss_sub": "before each update; the last point is the trained model",
    "train_loss_desc": "Line chart of the binary cross-entropy loss per epoch, with a vertical marker at the chosen "
    "epoch.",
    "train_acc_title": "Accuracy",
    "train_acc_desc": "Step chart of the share of the four XOR inputs whose prediction is within 0.4 of its target, "
    "per epoch.",
    "train_pred_title": "Each input's prediction against its target",
    "train_pred_desc": "Four lines, one per XOR input, of the predicted probability per epoch, with dashed reference "
    "lines at the targets 0 and 1.",
    "train_legend_input": "input → target",
    "train_target_line": "target {y}",
    "train_params_title": "Parameter trajectories",
    "train_params_sub": "every weight and bias; solid = weights, dashed = biases",
    "train_params_desc": "Line chart of every weight and bias of the network per epoch, coloured by layer.",
    "train_legend_layer": "parameter",
    "train_param": "parameter",
    "train_grad_title": "Gradient norm",
    "train_grad_sub": "how hard the loss pulls on the parameters",
    "train_grad_desc": "Line chart of the Euclidean norm of the loss gradient over all parameters, per epoch.",
    "train_overlay_title": "Pinned runs: loss per epoch",
    "train_overlay_sub": "one colour per run",
    "train_overlay_desc": "Line chart of the loss per epoch of {n} runs, one coloured line per run, with a legend.",
    "train_legend_run": "run",
    "train_col_input": "input",
    "train_col_target": "target",
    "train_col_pred": "prediction",
    "train_col_class": "rounded",
    "train_col_right": "right?",
    "train_yes": "✓ yes",
    "train_no": "✗ no",
}

KO: dict[str, str] = {
    # ---- page
    "train_title": "학습 곡선",
    "train_vs_engine": "실험 페이지의 집계에서는 이 시드가 **{engine}**. 여기 보이는 PyTorch 자체 실행은 "
    "**{torch}**. 실험 페이지는 수천 번의 실행을 한꺼번에 돌리려고 같은 수식을 numpy로 다시 구현했고, 일부 합의 "
    "마지막 비트를 다르게 반올림합니다. {why}",
    "train_vs_engine_saddle": "이 실행은 {n} 에폭 동안 안장점에 머물렀습니다(loss가 ln 2 ≈ 0.693에서 0.001 이내, 모든 "
    "출력이 0.5 근처). 그곳에서는 기울기가 거의 0이라 마지막 비트 하나의 차이가 기울기 자체만큼 큽니다{adaptive}. 그 "
    "차이가 실행이 어느 쪽으로 빠져나갈지, 빠져나갈지 말지를 정합니다.",
    "train_vs_engine_adaptive": ". 게다가 {opt}(은)는 각 걸음을 기울기의 최근 크기로 나누므로 그 작은 차이도 온전한 한 걸음이 "
    "됩니다",
    "train_vs_engine_other": "이 실행은 그런 비트 하나가 결과를 가르는 지점 가까이를 지나갔습니다.",
    "train_outcome_yes": "XOR을 배웠습니다",
    "train_outcome_no": "XOR을 배우지 못했습니다",
    "train_intro": "사이드바 설정으로 학습한 전체 과정을 에폭마다 보여 줍니다. 에폭 e는 업데이트를 e번 *마친* "
    "모델, 곧 e + 1번째 업데이트 직전의 모델입니다 (에폭 0은 학습 전 모델로, 강의에서 손으로 계산한 loss가 여기서 나옵니다). 마지막 에폭 {n}(은)는 "
    "학습이 끝난 모델입니다.",
    "train_m_final_loss": "최종 loss",
    "train_m_accuracy": "최종 정확도",
    "train_m_success": "XOR 학습 성공?",
    "train_m_epochs": "실행한 에폭",
    "train_success_yes": "성공 ✓",
    "train_success_no": "실패 ✗",
    "train_log": "loss를 로그 스케일로",
    "train_log_help": "로그 스케일에서는 선형 스케일에서 평평해 보이는 loss의 느린 꼬리가 보입니다.",
    "train_diverged_zero": "학습이 시작하자마자 (에폭 0) 발산했습니다: 처음부터 loss나 파라미터가 유한한 값이 아닙니다. "
    "다시 볼 과정이 없습니다. 더 작은 학습률이나 다른 옵티마이저를 써 보세요.",
    # ---- explorer
    "train_explorer": "학습 과정 다시 보기",
    "train_explorer_caption": "에폭을 끌어서 옮기거나 재생을 누르세요. loss 곡선의 표시선, 예측값, 결정 경계, 은닉 평면, "
    "신경망 그림이 모두 같은 에폭을 보여 줍니다. 학습 결과는 캐시되어 있어 다시 학습하지 않습니다.",
    "train_epoch": "에폭",
    "train_epoch_help": "0 = 학습 전 모델, {n} = 학습이 끝난 모델",
    "train_play": "재생",
    "train_pause": "일시정지",
    "train_play_help": "1초에 몇 번씩 에폭을 넘깁니다 (단축키: K). 끝에 닿으면 멈추고, 다시 누르면 처음부터 재생합니다.",
    "train_speed": "속도",
    "train_speed_slow": "느리게",
    "train_speed_normal": "보통",
    "train_speed_fast": "빠르게",
    "train_speed_help": "전체 재생은 {slow_s}초, {normal_s}초, {fast_s}초 걸립니다: 1초에 {fps}개씩 {slow}, {normal}, {fast}개 프레임입니다. 그보다 적게 그리는 컴퓨터는 그 시간을 지키려고 에폭을 건너뜁니다.",
    "train_at_loss": "Loss",
    "train_at_acc": "정확도",
    "train_at_grad": "기울기 크기",
    "train_at_grad_none": "—",
    "train_at_trained": "에폭 {epoch} / {n}: 학습이 끝난 모델입니다.",
    "train_at_grad_help": "이 에폭의 기울기 벡터 길이입니다. 학습이 끝난 모델은 더 업데이트하지 않으므로 없습니다.",
    "train_at_epoch": "에폭 {epoch} / {n}: {next}번째 업데이트 직전의 모델입니다.",
    "train_pred_at": "위 에폭의 예측값",
    "train_diagram_at": "위 에폭의 신경망",
    "train_diagram_caption": "위 에폭의 모든 가중치와 편향: 파란색은 양수, 주홍색은 음수, 굵을수록 크기가 큽니다.",
    "train_dead_note": "ReLU에서 은닉 유닛 {units}: 이 에폭에 네 입력 모두에서 0을 출력합니다 (죽은 유닛). "
    "그래서 이 유닛의 가중치에는 기울기가 전달되지 않습니다.",
    "train_dead": "죽은 유닛",
    "train_boundary_caption": "위 에폭의 결정 경계: 입력 평면 전체에서의 예측값입니다. {line}",
    "train_boundary_caption_playing": "위 에폭의 결정 경계입니다. 재생 중에는 0.5 선만 그립니다(일시정지하면 평면 "
    "전체의 예측값이 색으로 보입니다). {line}",
    "train_hidden_caption": "위 에폭의 은닉 평면: Linear 1과 활성화 함수를 지난 네 입력입니다.",
    "train_loss_caption": "에폭별 loss 곡선이며, 초록 세로선이 위 에폭을 표시합니다. 마우스를 올리면 값이 보입니다.",
    "train_loss_caption_playing": "에폭별 loss 곡선이며, 초록 세로선이 위 에폭을 표시합니다.",
    # ---- curves
    "train_curves": "학습은 이렇게 진행되었습니다",
    "train_acc_caption": "에폭마다 네 입력 중 예측값이 정답과 {tol} 이내인 비율입니다.",
    "train_grad_caption": "에폭마다 모든 파라미터에 대한 loss 기울기 벡터의 길이입니다.",
    "train_pred_caption": "에폭마다 각 입력의 예측값이며, 점선은 정답 0과 1입니다.",
    "train_params_caption": "에폭마다 모든 가중치와 편향의 값입니다.",
    # ---- pins
    "train_pins": "실행 비교",
    "train_pins_caption": "이 실행을 고정하고, 사이드바에서 설정(예: 옵티마이저)을 바꾼 뒤 다시 고정하세요. "
    "고정한 loss 곡선은 최대 {max}개까지 현재 실행과 함께 한 차트에 겹쳐 그려집니다. 고정한 실행은 페이지를 "
    "옮겨도 남아 있으며, 이 브라우저 탭에만 보입니다.",
    "train_pin": "이 실행 고정",
    "train_pin_help": "이 실행의 loss 곡선을 비교 차트에 남겨 둡니다.",
    "train_pinned_already": "이 실행은 이미 고정되어 있습니다.",
    "train_pins_full": "이미 {max}개를 고정했습니다. 먼저 하나를 해제하세요.",
    "train_unpin": "고정 해제",
    "train_unpin_all": "모두 해제",
    "train_no_pins": "아직 고정한 실행이 없습니다. 이 실행을 고정하고 설정을 바꾼 뒤 다시 고정해 비교해 보세요.",
    "train_current": "{label} (현재)",
    "train_pin_row": "**{label}**: 최종 loss {loss}, {verdict}",
    "train_overlay_caption": "{n}개 실행의 loss 곡선을 한 차트에 겹쳐 그렸습니다. 굵은 선이 현재 실행입니다.",
    # ---- final predictions
    "train_final": "최종 예측 결과",
    "train_final_caption": "학습이 끝난 모델(시드 {seed})이 네 입력에 내놓은 예측값을 강의 1번 셀과 같은 형식으로 "
    "출력합니다. 강의 1번 셀은 시드를 고정하지 않아서 그 숫자([{lecture}])는 다시 만들 수 없는 무작위 초기값에서 "
    "나왔습니다. 이 설정에서는 시드 {runs}개(0–{last}) 중 {fails}개가 XOR을 배우지 못합니다(실험 페이지처럼 numpy 엔진으로 센 값).",
    "train_final_diverged": "학습이 발산해 학습된 모델이 없습니다. 마지막으로 유한했던 에폭 {epoch}의 예측값을 보여 줍니다.",
    "train_printout_head": "PyTorch ({act}) 예측 결과:",
    # ---- downloads
    "train_downloads": "내려받기",
    "train_dl_csv": "학습 기록 CSV",
    "train_dl_csv_help": "에폭마다 한 줄: 에폭, loss, 정확도, 기울기 크기, 네 예측값, 모든 파라미터.",
    "train_dl_script": "독립 실행 PyTorch 스크립트",
    "train_dl_script_help": "xorcore 없이 PyTorch만으로 이 실행을 학습하고 최종 loss를 출력합니다.",
    "train_script_show": "스크립트 보기",
    "train_script_caption": "마지막 줄에 출력하는 `final loss: {loss}`는 이 페이지가 계산한 값과 같습니다.",
    "train_script_caption_div": "이 페이지와 마찬가지로 학습이 발산하는 지점에서 멈춥니다.",
    # ---- charts (xorcore/views/curves.py)
    "train_ax_epoch": "에폭",
    "train_ax_loss": "loss (BCE)",
    "train_ax_loss_log": "loss (BCE, 로그 스케일)",
    "train_ax_accuracy": "정확도",
    "train_ax_pred": "y_pred (예측값)",
    "train_ax_param": "값",
    "train_ax_grad": "‖∂L/∂θ‖",
    "train_ax_grad_log": "‖∂L/∂θ‖ (로그)",
    "train_marker": "에폭 {epoch}",
    "train_loss_title": "에폭별 loss",
    "train_loss_sub": "각 업데이트 직전의 값, 마지막 점은 학습된 모델",
    "train_loss_desc": "에폭별 이진 교차 엔트로피 loss의 선 그래프이며, 선택한 에폭에 세로 표시선이 있습니다.",
    "train_acc_title": "정확도",
    "train_acc_desc": "에폭마다 네 XOR 입력 중 예측값이 정답과 0.4 이내인 비율의 계단 그래프입니다.",
    "train_pred_title": "입력별 예측값과 정답",
    "train_pred_desc": "XOR 입력마다 한 줄씩, 에폭별 예측 확률을 그린 네 개의 선과 정답 0과 1의 점선 기준선입니다.",
    "train_legend_input": "입력 → 정답",
    "train_target_line": "정답 {y}",
    "train_params_title": "파라미터 궤적",
    "train_params_sub": "모든 가중치와 편향: 실선은 가중치, 점선은 편향",
    "train_params_desc": "신경망의 모든 가중치와 편향을 에폭별로 그린 선 그래프이며, 층마다 색이 다릅니다.",
    "train_legend_layer": "파라미터",
    "train_param": "파라미터",
    "train_grad_title": "기울기 크기",
    "train_grad_sub": "loss가 파라미터를 얼마나 세게 당기는지",
    "train_grad_desc": "에폭마다 모든 파라미터에 대한 loss 기울기의 유클리드 노름을 그린 선 그래프입니다.",
    "train_overlay_title": "고정한 실행: 에폭별 loss",
    "train_overlay_sub": "실행마다 한 가지 색",
    "train_overlay_desc": "{n}개 실행의 에폭별 loss를 실행마다 다른 색의 선으로 그리고 범례를 붙인 선 그래프입니다.",
    "train_legend_run": "실행",
    "train_col_input": "입력",
    "train_col_target": "정답",
    "train_col_pred": "예측값",
    "train_col_class": "반올림",
    "train_col_right": "정답?",
    "train_yes": "✓ 맞음",
    "train_no": "✗ 틀림",
}
