"""Text of the Loop page: the lecture's loop one line at a time, and what skipping zero_grad does (keys lp_)."""

EN: dict[str, str] = {
    "page_loop": "The Loop",
    "lp_story": "The lecture's training loop, one line at a time: forward, loss, zero_grad, backward, step.",
    "lp_intro": "This is cell 1's loop running on the model on screen (the sidebar's seed and {act} hidden layer) "
    "with the real `torch.optim` optimizer, {opt} with lr = {lr}. **Next step** runs one line of the loop, "
    "**Next epoch** the lines left in this epoch. The highlighted line is the one that just ran; the tables "
    "show every value after it, the cells it changed marked in yellow. The loop lives in this browser tab only.",
    "lp_skip": "Skip zero_grad",
    "lp_skip_help": "Leave out optimizer.zero_grad(), as the lecture warns not to: .grad then keeps adding up. "
    "Switching restarts the loop.",
    "lp_next_step": "Next step",
    "lp_next_epoch": "Next epoch",
    "lp_restart": "Start over",
    "lp_error": "PyTorch refused the next step: {error}. The parameters are no longer finite numbers; choose a "
    "smaller learning rate or start over.",
    "lp_status_start": "Nothing has run yet (the loop has {epochs} epochs)",
    "lp_status": "Epoch {epoch} (pass {pass_} of {epochs}) · step {k} of {n} ({step}) ran",
    "lp_code_skipped": "(skipped)",
    "lp_code_forward": "forward",
    "lp_code_loss": "loss",
    "lp_code_zero_grad": "zero_grad",
    "lp_code_backward": "backward",
    "lp_code_step": "update",
    "lp_code_legend": "Highlighted: the line that just ran · ▶ the line that runs next",
    "lp_nothing_yet": "The model is freshly made; no prediction, no loss, every .grad is None, and the optimizer "
    "has no state yet. Press **Next step**.",
    "lp_kind_pred": "the predictions",
    "lp_kind_loss": "the loss",
    "lp_kind_grad": "the .grad of the parameters",
    "lp_kind_param": "the parameters",
    "lp_kind_state": "the optimizer's state",
    "lp_ran": "Just ran: `{code}`",
    "lp_ran_skipped": "Just ran: nothing: `optimizer.zero_grad()` is skipped.",
    "lp_changed": "It changed: {kinds}.",
    "lp_changed_none": "It changed nothing.",
    "lp_explain_forward": "The forward pass: the four inputs go through Linear 1, the activation, Linear 2 and the "
    "sigmoid. PyTorch records the operations so that backward can retrace them.",
    "lp_explain_loss": "BCE compares the four predictions with the targets; the mean over the rows is one number.",
    "lp_explain_zero_grad": "`optimizer.zero_grad()` sets every parameter's .grad to None (PyTorch's default, "
    "set_to_none=True), so the backward pass that follows starts from nothing. Where .grad was already None "
    "(before the first backward) there is nothing to clear.",
    "lp_explain_zero_grad_skip": "Without zero_grad the previous epoch's .grad stays, and the next backward adds "
    "the new gradient to it.",
    "lp_explain_backward": "`loss.backward()` runs the chain rule from the loss back to every parameter and adds "
    "each gradient into its .grad (a .grad of None simply becomes the gradient).",
    "lp_explain_step_sgd": "`optimizer.step()`, SGD: θ ← θ − lr · .grad. Plain SGD keeps no state.",
    "lp_explain_step_momentum": "`optimizer.step()`, SGD with momentum 0.9: momentum_buffer ← 0.9 · buffer + .grad "
    "(the first step copies .grad), then θ ← θ − lr · buffer.",
    "lp_explain_step_adam": "`optimizer.step()`, Adam: step ← step + 1, exp_avg (m) ← 0.9 m + 0.1 · .grad, "
    "exp_avg_sq (v) ← 0.999 v + 0.001 · .grad², then θ ← θ − lr · m̂ / (√v̂ + 1e-8), where m̂ and v̂ undo the "
    "start at zero (divided by 1 − 0.9^step and 1 − 0.999^step).",
    "lp_explain_step_rmsprop": "`optimizer.step()`, RMSprop: step ← step + 1, square_avg ← 0.99 · square_avg + "
    "0.01 · .grad², then θ ← θ − lr · .grad / (√square_avg + 1e-8).",
    "lp_loss": "loss (the latest loss tensor)",
    "lp_preds": "prediction = model(X)",
    "lp_values": "Every parameter, its .grad and the optimizer's state",
    "lp_values_caption_sgd": "SGD without momentum keeps no state: only θ and .grad.",
    "lp_values_caption_momentum": "momentum_buffer: SGD's running sum of gradients, each older one multiplied by "
    "0.9 once more per step (made by the first step).",
    "lp_values_caption_adam": "Adam's state per tensor (made by the first step): step (count), exp_avg = m (running "
    "mean of the gradient), exp_avg_sq = v (running mean of its square).",
    "lp_values_caption_rmsprop": "RMSprop's state per tensor (made by the first step): step (count), square_avg "
    "(running mean of the squared gradient).",
    "lp_acc_title": "Without zero_grad: what this backward added to .grad",
    "lp_acc_before": ".grad before backward",
    "lp_acc_fresh": "this pass's gradient (autograd.grad)",
    "lp_acc_after": ".grad after backward",
    "lp_acc_first": "The first backward: .grad was None, so it is now just this pass's gradient (largest "
    "difference {gap}).",
    "lp_acc_sum": ".grad after this backward is the sum of the .grad before it and this pass's own gradient "
    "(largest difference {gap}): nothing cleared it, so every epoch's gradient is still in it.",
    "lp_h_curves": "With and without zero_grad",
    "lp_curves_intro": "The same loop for {n} epochs twice, from the same start: left with `optimizer.zero_grad()`, "
    "right without it. Both are real PyTorch runs with the sidebar's settings, on one y scale.",
    "lp_curve_with": "with zero_grad",
    "lp_curve_without": "without zero_grad",
    "lp_curve_desc": "Line chart of the loss per epoch of the loop {title}, epochs 0 to {end}: the last loss is {last}.",
    "lp_final": "{run}: loss {loss} at epoch {last}, the last of its {n} epochs (after {last} updates).",
    "lp_stopped": "{run}: the predictions stopped being numbers at epoch {epoch}, so the run stops there.",
    "lp_lower_with": "Clearing the gradients ends lower here.",
    "lp_lower_without": "Here the run without zero_grad happens to end lower: the sum of old gradients acts like a "
    "huge momentum, which is not what the loop means to do.",
    "lp_lower_without_adaptive": "Here the run without zero_grad happens to end lower. {opt} divides each step by "
    "the gradient's recent size, so a summed .grad does not make its steps huge, as it would for SGD; it changes "
    "their direction, the sum of all the slopes so far. Over the {n} epochs the loss went from {start} to {b} "
    "without zero_grad and to {a} with it.",
    "lp_curves_why": "Without zero_grad the .grad at epoch e is the sum of all e + 1 gradients so far, so every "
    "step follows the whole history of slopes instead of the current one.",
}

KO: dict[str, str] = {
    "page_loop": "학습 루프",
    "lp_story": "강의의 학습 루프를 한 줄씩: 순전파, loss, zero_grad, 역전파, 업데이트.",
    "lp_intro": "강의 1번 셀의 루프를 지금 화면의 모델(사이드바의 시드, {act} 은닉층)로 실제 `torch.optim` 옵티마이저 "
    "{opt}(lr = {lr})로 실행합니다. **다음 단계**는 루프의 한 줄을, **다음 에폭**은 이번 에폭에 남은 줄을 "
    "실행합니다. 강조된 줄이 방금 실행된 줄이고, 표는 그 뒤의 모든 값을 보여 주며 바뀐 칸은 노란색입니다. 루프는 "
    "이 브라우저 탭에만 있습니다.",
    "lp_skip": "zero_grad 건너뛰기",
    "lp_skip_help": "강의가 중요하다고 강조한 optimizer.zero_grad()를 일부러 빼 봅니다: .grad가 계속 누적됩니다. "
    "바꾸면 루프가 처음부터 다시 시작합니다.",
    "lp_next_step": "다음 단계",
    "lp_next_epoch": "다음 에폭",
    "lp_restart": "처음부터 다시",
    "lp_error": "PyTorch가 다음 단계를 거부했습니다: {error}. 파라미터가 더 이상 유한한 수가 아닙니다. 학습률을 "
    "낮추거나 처음부터 다시 해 보세요.",
    "lp_status_start": "아직 아무것도 실행하지 않았습니다 (루프는 {epochs} 에폭)",
    "lp_status": "에폭 {epoch} ({epochs}번 중 {pass_}번째 반복) · {n}단계 중 {k}단계 ({step}) 실행됨",
    "lp_code_skipped": "(건너뜀)",
    "lp_code_forward": "순전파",
    "lp_code_loss": "오차 계산",
    "lp_code_zero_grad": "기울기 초기화",
    "lp_code_backward": "역전파",
    "lp_code_step": "업데이트",
    "lp_code_legend": "강조된 줄: 방금 실행된 줄 · ▶ 다음에 실행될 줄",
    "lp_nothing_yet": "모델이 막 만들어졌습니다. 예측값도 loss도 없고, 모든 .grad는 None이며, 옵티마이저에는 "
    "아직 상태가 없습니다. **다음 단계**를 누르세요.",
    "lp_kind_pred": "예측값",
    "lp_kind_loss": "loss",
    "lp_kind_grad": "파라미터의 .grad",
    "lp_kind_param": "파라미터",
    "lp_kind_state": "옵티마이저의 상태",
    "lp_ran": "방금 실행: `{code}`",
    "lp_ran_skipped": "방금 실행: 없음. `optimizer.zero_grad()`를 건너뛰었습니다.",
    "lp_changed": "바뀐 것: {kinds}.",
    "lp_changed_none": "바뀐 것이 없습니다.",
    "lp_explain_forward": "순전파: 네 입력이 Linear 1, 활성화 함수, Linear 2, 시그모이드를 지납니다. PyTorch는 "
    "역전파가 되짚어 갈 수 있도록 연산을 기록해 둡니다.",
    "lp_explain_loss": "BCE가 네 예측값을 정답과 비교합니다. 행들의 평균이 하나의 숫자가 됩니다.",
    "lp_explain_zero_grad": "`optimizer.zero_grad()`는 모든 파라미터의 .grad를 None으로 만듭니다 (PyTorch 기본값 "
    "set_to_none=True). 그래서 이어지는 역전파는 빈 상태에서 시작합니다. .grad가 이미 None이면(첫 역전파 전) "
    "지울 것이 없습니다.",
    "lp_explain_zero_grad_skip": "zero_grad가 없으면 이전 에폭의 .grad가 그대로 남고, 다음 역전파가 새 기울기를 "
    "그 위에 더합니다.",
    "lp_explain_backward": "`loss.backward()`가 loss에서 모든 파라미터까지 체인 룰을 거꾸로 적용하고, 각 기울기를 "
    ".grad에 더합니다 (.grad가 None이면 그 기울기가 그대로 들어갑니다).",
    "lp_explain_step_sgd": "`optimizer.step()`, SGD: θ ← θ − lr · .grad. 순수 SGD는 상태를 두지 않습니다.",
    "lp_explain_step_momentum": "`optimizer.step()`, 모멘텀 0.9의 SGD: momentum_buffer ← 0.9 · buffer + .grad "
    "(첫 걸음은 .grad를 그대로 복사), 그다음 θ ← θ − lr · buffer.",
    "lp_explain_step_adam": "`optimizer.step()`, Adam: step ← step + 1, exp_avg (m) ← 0.9 m + 0.1 · .grad, "
    "exp_avg_sq (v) ← 0.999 v + 0.001 · .grad², 그다음 θ ← θ − lr · m̂ / (√v̂ + 1e-8). m̂와 v̂는 0에서 시작한 "
    "영향을 되돌린 값입니다 (1 − 0.9^step, 1 − 0.999^step로 나눔).",
    "lp_explain_step_rmsprop": "`optimizer.step()`, RMSprop: step ← step + 1, square_avg ← 0.99 · square_avg + "
    "0.01 · .grad², 그다음 θ ← θ − lr · .grad / (√square_avg + 1e-8).",
    "lp_loss": "loss (가장 최근의 loss 텐서)",
    "lp_preds": "prediction = model(X)",
    "lp_values": "모든 파라미터, 그 .grad, 옵티마이저의 상태",
    "lp_values_caption_sgd": "모멘텀 없는 SGD는 상태가 없습니다: θ와 .grad뿐입니다.",
    "lp_values_caption_momentum": "momentum_buffer: SGD가 기울기를 계속 더한 합으로, 오래된 기울기일수록 걸음마다 "
    "0.9가 한 번 더 곱해집니다 (첫 걸음에서 만들어짐).",
    "lp_values_caption_adam": "텐서마다 Adam의 상태 (첫 걸음에서 만들어짐): step (횟수), exp_avg = m (기울기의 "
    "이동 평균), exp_avg_sq = v (기울기 제곱의 이동 평균).",
    "lp_values_caption_rmsprop": "텐서마다 RMSprop의 상태 (첫 걸음에서 만들어짐): step (횟수), square_avg "
    "(기울기 제곱의 이동 평균).",
    "lp_acc_title": "zero_grad 없이: 이번 역전파가 .grad에 더한 것",
    "lp_acc_before": "역전파 전 .grad",
    "lp_acc_fresh": "이번 역전파의 기울기 (autograd.grad)",
    "lp_acc_after": "역전파 후 .grad",
    "lp_acc_first": "첫 역전파입니다: .grad가 None이었으므로 이제 이번 기울기 그 자체입니다 (최대 차이 {gap}).",
    "lp_acc_sum": "이번 역전파 후의 .grad는 그 전의 .grad와 이번 기울기의 합입니다 (최대 차이 {gap}). 아무도 "
    "지우지 않았으므로 모든 에폭의 기울기가 아직 그 안에 들어 있습니다.",
    "lp_h_curves": "zero_grad가 있을 때와 없을 때",
    "lp_curves_intro": "같은 시작점에서 같은 루프를 {n} 에폭씩 두 번 돌립니다. 왼쪽은 `optimizer.zero_grad()`가 "
    "있고, 오른쪽은 없습니다. 둘 다 사이드바 설정으로 실행한 실제 PyTorch 학습이며, y축 눈금이 같습니다.",
    "lp_curve_with": "zero_grad 있음",
    "lp_curve_without": "zero_grad 없음",
    "lp_curve_desc": "{title} 루프의 에폭별 loss 선 그래프, 에폭 0부터 {end}까지: 마지막 loss는 {last}입니다.",
    "lp_final": "{run}: {n}개 에폭 중 마지막인 에폭 {last}(업데이트 {last}번 후)의 loss는 {loss}입니다.",
    "lp_stopped": "{run}: {epoch} 에폭에서 예측값이 수가 아니게 되어 학습이 거기서 멈춥니다.",
    "lp_lower_with": "여기서는 기울기를 지운 쪽이 더 낮게 끝납니다.",
    "lp_lower_without": "여기서는 zero_grad가 없는 쪽이 우연히 더 낮게 끝납니다. 예전 기울기의 합이 아주 큰 "
    "모멘텀처럼 작용하는 것이지, 루프가 의도한 동작은 아닙니다.",
    "lp_lower_without_adaptive": "여기서는 zero_grad가 없는 쪽이 우연히 더 낮게 끝납니다. {opt}(은)는 걸음마다 기울기의 "
    "최근 크기로 나누므로, .grad가 쌓여도 SGD처럼 걸음이 엄청나게 커지지는 않습니다. 달라지는 것은 방향으로, 매 걸음이 "
    "지금까지의 기울기를 모두 더한 방향을 따릅니다. {n} 에폭 동안 loss는 {start}에서 zero_grad가 없을 때 {b}, "
    "있을 때 {a}(이)가 되었습니다.",
    "lp_curves_why": "zero_grad가 없으면 에폭 e의 .grad는 지금까지의 e + 1개 기울기를 모두 더한 값이라, 매 "
    "걸음이 현재의 기울기가 아니라 지나온 기울기 전체를 따라갑니다.",
}
