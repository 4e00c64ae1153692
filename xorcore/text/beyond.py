"""Text of the views beyond the lecture: the Loop page (lp_), the inputs' shares, local x upstream, the loss slice (bx_)."""

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
    "lp_curves_why": "Without zero_grad the .grad at epoch e is the sum of all e + 1 gradients so far, so every "
    "step follows the whole history of slopes instead of the current one.",
    # ---- the inputs' shares
    "bx_shares_lead": "Every gradient is the sum of the four inputs' pulls: the mean loss adds up each input's share.",
    "bx_local_lead": "A gradient is the product of the local derivatives along its path back from the loss, "
    "added up over the four inputs.",
    "bx_path": "Path back to",
    "bx_path_autograd": "autograd's dL/d{name} = {auto}.",
    "bx_h_shares": "The tug-of-war of the four inputs",
    "bx_shares_intro": "The loss is the mean of the {n} rows' terms, L = (1/N) Σᵢ ℓᵢ, so every gradient is a sum "
    "of {n} shares: row i's share is the gradient of ℓᵢ / N, computed here by autograd for that row alone. The "
    "bars of each parameter are laid end to end (each starts where the one before ended), so where the last one "
    "ends is the sum, the batch gradient (black bar, green mark).",
    "bx_group": "Parameters",
    "bx_shares_some": "The {k} of these {n} parameters where the shares cancel most; reading mode draws all {n}.",
    "bx_group_W1": "W₁",
    "bx_group_b1": "b₁",
    "bx_group_W2": "W₂",
    "bx_group_b2": "b₂",
    "bx_sum": "sum (batch gradient)",
    "bx_ax_param": "parameter",
    "bx_ax_share": "share of dL/dθ (running sum)",
    "bx_ax_part": "input",
    "bx_ax_value": "value",
    "bx_shares_title": "Each input's share of dL/dθ",
    "bx_shares_sub": "bars end to end; black = their sum, the batch gradient",
    "bx_shares_alt": "Bar chart of the inputs' shares {rows} of each gradient, laid end to end, and their sum.",
    "bx_alt_param": "{name}: shares {shares}, sum {total}.",
    "bx_opposed": "In {both} of the {p} parameters the inputs pull in opposite directions (shares of both signs).",
    "bx_cancel": "Here they cancel most in dL/d{name} = {total}: the shares {shares} add up to only that, while "
    "their sizes add up to {pull}, {ratio} times as much.",
    "bx_no_cancel": "Here no shares cancel: the shares of dL/d{name} = {total} all have one sign.",
    "bx_zeros": "{zeros} of these {all} shares are exactly 0: an input component that is 0 (or a unit whose "
    "slope is 0) passes nothing to its weight.",
    "bx_mean_sentence": "Why the 1/N: the loss is the mean over N = {n} rows, so each row's pull is divided by N. "
    "The gradient is then the rows' average pull, whose size does not grow with the number of rows, so the step "
    "size η means the same for any batch. The shares add up to autograd's batch gradient "
    "(loss.backward() on the mean) to within {gap}.",
    # ---- local x upstream
    "bx_h_local": "Local × upstream on every edge",
    "bx_local_caption": "Each edge carries its local derivative (× σ′(z₂), × W₂, × f′(z₁), × x, × 1): a node's "
    "gradient is the gradient of the node it feeds times the factor on the edge between them, so along a "
    "path the factors multiply. Parameter edges add the rows' products up (Σ rows). {which}",
    "bx_edge_sum": "then Σ rows",
    "bx_local_alt": "Computation graph with the local derivative written on every edge: dL/dŷ from the BCE loss, "
    "σ′(z₂) into z₂, 1 through the bias adds, W₂ into h₁ and h₁ into W₂, f′(z₁) into z₁, x into W₁.",
    "bx_layer_smaller": "The first layer's gradients are {ratio} times smaller than the second's here (mean "
    "|dL/dW₁| = {w1}, mean |dL/dW₂| = {w2}): on the way back they were multiplied by W₂ (mean |W₂| = {w2_abs}) "
    "and by the {act} slope f′(z₁) (from {lo} to {hi} on these inputs).",
    "bx_layer_larger": "Here the first layer's gradients are {ratio} times larger than the second's (mean "
    "|dL/dW₁| = {w1}, mean |dL/dW₂| = {w2}): on the way back they were multiplied by W₂ (mean |W₂| = {w2_abs}) "
    "and by the {act} slope f′(z₁) (from {lo} to {hi} on these inputs).",
    "bx_layer_zero": "The first layer's gradients are all 0 here (mean |dL/dW₂| = {w2}): the {act} slope f′(z₁) "
    "runs from {lo} to {hi} on these inputs, and mean |W₂| = {w2_abs}.",
    # ---- the loss along a step
    "bx_h_slice": "The loss along this step",
    "bx_slice_nonfinite": "The parameters are no longer finite numbers, so there is no loss to draw along the step.",
    "bx_along": "Direction of the step",
    "bx_along_all": "−∇L (every parameter, as the step above)",
    "bx_along_weights": "−∇L of the weights only (as the step above)",
    "bx_along_note": "Along {name} alone: only that parameter moves, by −η · dL/d{name}; the chosen η marks that "
    "move, not the step above (the planes below still show the step above).",
    "bx_ax_eta": "step size η",
    "bx_ax_loss": "loss L(θ − η d)",
    "bx_line_slice": "loss along the step",
    "bx_line_tangent": "tangent at η = 0",
    "bx_line_start": "loss before the step",
    "bx_chosen": "η = {eta}",
    "bx_slice_title": "The loss as a function of the step size",
    "bx_slice_sub": "L(θ − η d): every η a real forward pass; tangent slope −∇L·d",
    "bx_dir_all": "the step's direction",
    "bx_dir_one": "{name} alone",
    "bx_slice_says": "Along {which}, a step of η = {eta} takes the loss from {l0} to {l}; the tangent at η = 0 "
    "(slope {slope}, that is −∇L·d) would promise {tangent}.",
    "bx_slice_best": "On this slice (η from 0 to {end}) the lowest loss is at η ≈ {best}.",
    "bx_slice_up": "From η ≈ {up} on the step overshoots: the loss ends above where it started.",
    "bx_slice_never_up": "Up to η = {end} no step ends above the starting loss.",
    "bx_slice_overshoot": "η = {eta} is too large here: it jumps past the valley and raises the loss.",
    "bx_h_before_after": "Before and after the step of η = {eta}",
    "bx_pred_moves": "Predictions of the four inputs, before → after: {moves} (the largest change is {most}).",
    "bx_before": "before the step",
    "bx_before_short": "before",
    "bx_planes_key": "Boundary: colour = the prediction (orange 0, blue 1), black line where it crosses 0.5. Hidden "
    "plane: the four inputs after the hidden layer, the green dashed line where the output crosses 0.5. Points: "
    "orange = target 0, blue = target 1.",
    "bx_after_short": "after",
    "bx_boundary_short": "Boundary, {when}",
    "bx_hidden_short": "Hidden plane, {when}",
    "bx_after": "after the step",
    "bx_boundary": "Decision boundary, {when}",
    "bx_boundary_alt": "Heatmap of the network's prediction over the input plane {when}, with the four XOR "
    "points. {line}",
    "bx_hidden": "Hidden plane, {when}",
    "bx_hidden_alt": "The four inputs and the warped input grid in the hidden layer's plane {when}. {line}",
}

KO: dict[str, str] = {
    "page_loop": "학습 루프",
    "lp_story": "강의의 학습 루프를 한 줄씩: 순전파, loss, zero_grad, 역전파, 업데이트.",
    "lp_intro": "강의 1번 셀의 루프를 지금 화면의 모델(사이드바의 시드, {act} 은닉층)로 실제 `torch.optim` 옵티마이저 "
    "{opt}(lr = {lr})와 함께 실행합니다. **다음 단계**는 루프의 한 줄을, **다음 에폭**은 이번 에폭에 남은 줄을 "
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
    "lp_curves_why": "zero_grad가 없으면 에폭 e의 .grad는 지금까지의 e + 1개 기울기를 모두 더한 값이라, 매 "
    "걸음이 현재의 기울기가 아니라 지나온 기울기 전체를 따라갑니다.",
    # ---- the inputs' shares
    "bx_shares_lead": "모든 기울기는 네 입력이 당기는 힘의 합입니다. loss가 평균이므로 각 입력의 몫(1/N이 곱해진 값)을 더한 것입니다.",
    "bx_local_lead": "기울기는 loss에서 거꾸로 따라간 경로 위 국소 미분들의 곱이고, 네 입력에 대해 더한 것입니다.",
    "bx_path": "거꾸로 따라갈 경로",
    "bx_path_autograd": "autograd의 dL/d{name} = {auto}.",
    "bx_h_shares": "네 입력의 줄다리기",
    "bx_shares_intro": "loss는 {n}개 행의 항의 평균 L = (1/N) Σᵢ ℓᵢ이므로, 모든 기울기는 {n}개 몫의 합입니다. i번째 "
    "행의 몫은 ℓᵢ / N의 기울기이며, 여기서는 그 행만으로 autograd가 계산합니다. 각 파라미터의 막대는 앞 막대가 "
    "끝난 곳에서 이어 그려지므로, 마지막 막대가 끝나는 곳이 합, 즉 배치 기울기입니다 (검은 막대, 초록 표시).",
    "bx_group": "파라미터",
    "bx_shares_some": "이 파라미터 {n}개 중 몫이 가장 많이 상쇄되는 {k}개입니다. 읽기 모드에서는 {n}개 모두 그립니다.",
    "bx_group_W1": "W₁",
    "bx_group_b1": "b₁",
    "bx_group_W2": "W₂",
    "bx_group_b2": "b₂",
    "bx_sum": "합 (배치 기울기)",
    "bx_ax_param": "파라미터",
    "bx_ax_share": "dL/dθ의 몫 (누적 합)",
    "bx_ax_part": "입력",
    "bx_ax_value": "값",
    "bx_shares_title": "각 입력의 dL/dθ 몫",
    "bx_shares_sub": "막대를 이어 그림; 검은 막대 = 그 합, 배치 기울기",
    "bx_shares_alt": "각 기울기에 대한 입력 {rows}의 몫을 이어 그린 막대 그래프와 그 합.",
    "bx_alt_param": "{name}: 몫 {shares}, 합 {total}.",
    "bx_opposed": "{p}개 파라미터 중 {both}개에서 입력들이 서로 반대 방향으로 당깁니다 (부호가 다른 몫이 섞여 있음).",
    "bx_cancel": "여기서 가장 많이 상쇄되는 곳은 dL/d{name} = {total}입니다: 몫 {shares}를 더하면 그만큼밖에 되지 "
    "않지만, 몫의 크기를 더하면 {pull}로 {ratio}배입니다.",
    "bx_no_cancel": "여기서는 상쇄되는 몫이 없습니다: dL/d{name} = {total}의 몫은 모두 부호가 같습니다.",
    "bx_zeros": "이 {all}개 몫 중 {zeros}개는 정확히 0입니다: 0인 입력 성분(또는 기울기가 0인 유닛)은 그 가중치에 "
    "아무것도 전하지 않습니다.",
    "bx_mean_sentence": "왜 1/N인가: loss는 N = {n}개 행의 평균이므로, 각 행이 당기는 힘은 N으로 나뉩니다. 그러면 "
    "기울기는 행들이 당기는 힘의 평균이 되어 행의 수가 늘어도 커지지 않고, 스텝 크기 η는 배치 크기와 상관없이 "
    "같은 뜻을 갖습니다. 몫을 모두 더하면 autograd의 배치 기울기(평균에 대한 loss.backward())와 {gap} 이내로 같습니다.",
    # ---- local x upstream
    "bx_h_local": "모든 간선 위의 국소 미분 × 상류 기울기",
    "bx_local_caption": "각 간선에는 그 국소 미분(× σ′(z₂), × W₂, × f′(z₁), × x, × 1)이 적혀 있습니다. 어떤 노드의 "
    "기울기는 그 노드가 들어가는 노드의 기울기에 둘 사이 간선의 값을 곱한 것이므로, 경로를 따라 값들이 곱해집니다. "
    "파라미터 간선은 행별 곱을 모두 더합니다 (Σ 행). {which}",
    "bx_edge_sum": "그다음 Σ 행",
    "bx_local_alt": "모든 간선에 국소 미분을 적은 계산 그래프: BCE loss에서 dL/dŷ, z₂로 σ′(z₂), 편향 더하기로 1, "
    "h₁로 W₂와 W₂로 h₁, z₁로 f′(z₁), W₁로 x.",
    "bx_layer_smaller": "여기서 첫 번째 층의 기울기는 두 번째 층보다 {ratio}배 작습니다 (평균 |dL/dW₁| = {w1}, 평균 "
    "|dL/dW₂| = {w2}). 거꾸로 오는 길에 W₂(평균 |W₂| = {w2_abs})와 {act}의 기울기 f′(z₁)(이 입력들에서 {lo}부터 "
    "{hi}까지)가 곱해졌기 때문입니다.",
    "bx_layer_larger": "여기서는 첫 번째 층의 기울기가 두 번째 층보다 {ratio}배 큽니다 (평균 |dL/dW₁| = {w1}, 평균 "
    "|dL/dW₂| = {w2}). 거꾸로 오는 길에 W₂(평균 |W₂| = {w2_abs})와 {act}의 기울기 f′(z₁)(이 입력들에서 {lo}부터 "
    "{hi}까지)가 곱해졌습니다.",
    "bx_layer_zero": "여기서 첫 번째 층의 기울기는 모두 0입니다 (평균 |dL/dW₂| = {w2}). {act}의 기울기 f′(z₁)는 이 "
    "입력들에서 {lo}부터 {hi}까지이고, 평균 |W₂| = {w2_abs}입니다.",
    # ---- the loss along a step
    "bx_h_slice": "이 걸음을 따라가는 loss",
    "bx_slice_nonfinite": "파라미터가 더 이상 유한한 수가 아니어서, 걸음을 따라 그릴 loss가 없습니다.",
    "bx_along": "걸음의 방향",
    "bx_along_all": "−∇L (모든 파라미터, 위의 걸음과 같음)",
    "bx_along_weights": "가중치만의 −∇L (위의 걸음과 같음)",
    "bx_along_note": "{name} 하나만: 그 파라미터만 −η · dL/d{name}만큼 움직입니다. 표시된 η는 그 움직임이며 위의 걸음이 "
    "아닙니다 (아래 평면들은 여전히 위의 걸음을 보여 줍니다).",
    "bx_ax_eta": "스텝 크기 η",
    "bx_ax_loss": "loss L(θ − η d)",
    "bx_line_slice": "걸음을 따라가는 loss",
    "bx_line_tangent": "η = 0에서의 접선",
    "bx_line_start": "걸음 전 loss",
    "bx_chosen": "η = {eta}",
    "bx_slice_title": "스텝 크기에 따른 loss",
    "bx_slice_sub": "L(θ − η d): η마다 실제 순전파; 접선의 기울기 −∇L·d",
    "bx_dir_all": "이 걸음의 방향",
    "bx_dir_one": "{name} 하나만",
    "bx_slice_says": "{which}으로 η = {eta}만큼 가면 loss는 {l0}에서 {l}까지 바뀝니다. η = 0에서의 접선(기울기 "
    "{slope}, 즉 −∇L·d)이 약속하는 값은 {tangent}입니다.",
    "bx_slice_best": "이 단면(η는 0부터 {end}까지)에서 가장 낮은 loss는 η ≈ {best}에 있습니다.",
    "bx_slice_up": "η ≈ {up}부터는 걸음이 지나칩니다: loss가 출발점보다 높아집니다.",
    "bx_slice_never_up": "η = {end}까지는 어떤 걸음도 출발 loss보다 높아지지 않습니다.",
    "bx_slice_overshoot": "여기서 η = {eta}는 너무 큽니다: 골짜기를 건너뛰어 loss가 오히려 커집니다.",
    "bx_h_before_after": "η = {eta} 걸음 전과 후",
    "bx_pred_moves": "네 입력의 예측값, 전 → 후: {moves} (가장 큰 변화는 {most}).",
    "bx_before": "걸음 전",
    "bx_before_short": "걸음 전",
    "bx_planes_key": "경계: 색 = 예측값(주황 0, 파랑 1), 검은 선 = 예측값이 0.5를 지나는 곳. 은닉 평면: 은닉층을 "
    "지난 네 입력, 초록 점선 = 출력이 0.5를 지나는 곳. 점: 주황 = 정답 0, 파랑 = 정답 1.",
    "bx_after_short": "걸음 후",
    "bx_boundary_short": "{when} 경계",
    "bx_hidden_short": "{when} 은닉 평면",
    "bx_after": "걸음 후",
    "bx_boundary": "결정 경계, {when}",
    "bx_boundary_alt": "{when} 입력 평면 위의 신경망 예측값 히트맵과 XOR의 네 점. {line}",
    "bx_hidden": "은닉 평면, {when}",
    "bx_hidden_alt": "{when} 은닉층 평면의 네 입력과 휘어진 입력 격자. {line}",
}
