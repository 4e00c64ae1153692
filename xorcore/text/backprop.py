"""Text of the backprop page (and of the computation graph), keys prefixed bp_."""

EN: dict[str, str] = {
    "bp_rest_hidden": "The rest (gradients on the network, the finite-difference check, the manual update) appears once the last step is shown.",
    "bp_intro": "The forward pass ended with the loss L = {loss}. Backprop now walks the chain rule backwards, "
    "from the loss to the first layer, and finds the gradient of the loss with respect to every value and every "
    "parameter: how fast the loss would change if that one number moved a little (a sensitivity, not a share of "
    "the loss). The optimizer's step then uses them to push the loss down.",
    "bp_loss_metric": "Loss L (mean over the 4 rows)",
    "bp_h_grads": "Gradients, from the loss backwards",
    "bp_batch_note": "All four inputs: each equation shows the whole batch as matrices (one row per input, as "
    "the lecture computes it).",
    "bp_row_note": "One input: the loss is still the mean over all four rows (that is what the lecture computes). "
    "Shown: row i = {i}, input {row}: its slice of dL/dy_pred, dL/dz2, dL/dh1 and dL/dz1, and its share of dL/dW "
    "and dL/db (the outer products of that row alone). The four rows' shares add up to the batch gradient.",
    "bp_t_d_y_pred": "how the loss changes with each prediction",
    "bp_t_d_z2": "the error signal: how wrong each prediction is",
    "bp_t_d_W2": "how much to change the output layer's weights",
    "bp_t_d_b2": "how much to change the output bias",
    "bp_t_d_h1": "how the loss changes with each hidden value",
    "bp_t_d_z1": "the error signal behind the activation",
    "bp_t_d_W1": "how much to change the hidden layer's weights",
    "bp_t_d_b1": "how much to change the hidden biases",
    "bp_x_d_y_pred": "The slope of the loss with respect to each prediction ŷ. Positive where ŷ should go down "
    "(target 0), negative where it should go up (target 1). The 1/N comes from the mean over the four rows, and the factor 1/(ŷ(1 − ŷ)) inflates it: this is a "
    "slope, not the error itself (that is dL/dz2, next).",
    "bp_x_d_z2": "One step back, through the output sigmoid: multiply by σ'(z₂) = ŷ(1 − ŷ). For a sigmoid output "
    "with BCE, everything cancels to (ŷ − y)/N: the error itself, divided by N.",
    "bp_x_d_W2": "Each row's error signal dL/dz2 times the hidden activations h₁ that fed it, added over the rows.",
    "bp_x_d_b2": "The output bias is added to every row with weight 1, so its gradient is the sum of the rows' dL/dz2.",
    "bp_x_d_h1": "The error signal flows back through W₂ to each hidden unit. This is the key step: backprop has "
    "reached the hidden layer. (The lecture's printout cut this matrix off; here it is in full.)",
    "bp_x_d_z1": "Back through the activation: multiply elementwise by its slope f'(z₁). Where the slope is small "
    "(a saturated sigmoid, or ReLU with z₁ ≤ 0) the signal fades or stops.",
    "bp_x_d_W1": "Each row's hidden error signal dL/dz1 times that row's input x, added over the rows. An input "
    "component that is 0 contributes nothing to its weight.",
    "bp_x_d_b1": "The hidden biases are added to every row with weight 1: the sum of the rows' dL/dz1.",
    "bp_identity": "The identity for a sigmoid output with BCE, computed straight from ŷ and y (no backward pass):",
    "bp_lecture_note": "A note on the lecture's printout: the values it shows under the label “dL/dy_pred” are "
    "`z2.grad`, that is dL/dz2, one step further back than ŷ (after the output sigmoid). An easy slip, since both "
    "sit at the output. Here both are shown, each under its own name: dL/dy_pred above, dL/dz2 here.",
    "bp_autograd": "autograd (loss.backward())",
    "bp_autograd_row": "autograd of input {row}'s term ℓ/N",
    "bp_by_hand": "by hand (chain rule)",
    "bp_maxdiff": "largest |autograd − by hand|",
    "bp_row_sum": "Adding the four inputs' shares gives the batch gradient: {value}",
    "bp_act_prime": "The slope of the hidden activation ({act}):",
    "bp_h_graph": "Computation graph",
    "bp_graph_caption": "One box per operation and per leaf, micrograd-style: what it computes | its value | its "
    "gradient dL/d(·) from autograd. Green: operations, blue: parameters, grey: data (no gradient). {which}",
    "bp_graph_batch": "Values and gradients of the four inputs, one line each.",
    "bp_graph_row": "Values and gradients of input {row}; the parameters show that input's share of their gradient.",
    "bp_graph_alt": "Computation graph of the network: x and W1 feed a matmul, then bias b1, the activation, "
    "a matmul with W2, bias b2, the output sigmoid and the BCE loss; each node shows its value and gradient.",
    "bp_g_value": "value",
    "bp_g_grad": "grad",
    "bp_g_grad_row": "grad, input {row}",
    "bp_g_share": "grad, input {row}'s share",
    "bp_g_input": "input",
    "bp_g_target": "target",
    "bp_g_nograd": "no gradient (data)",
    "bp_g_mean": "mean of 4 rows",
    "bp_g_row_term": "input {row}'s term",
    "bp_op_matmul1": "Linear 1: matmul",
    "bp_op_add1": "Linear 1: + bias",
    "bp_op_matmul2": "Linear 2: matmul",
    "bp_op_add2": "Linear 2: + bias",
    "bp_op_sigmoid": "output sigmoid",
    "bp_op_bce": "BCE loss (mean of 4)",
    "bp_h_network": "Gradients on the network",
    "bp_network_caption": "Each edge carries dL/dθ of its weight or bias ({which}): colour is the sign (blue +, "
    "vermillion −), width the size. Gradient descent moves each parameter against the sign of its gradient.",
    "bp_network_caption_compact": "The table gives every edge's dL/dθ ({which}; row = hidden unit, column = edge; "
    "1 → ŷ is b₂). In the diagram colour is the sign (blue +, vermillion −), width the size. Gradient descent moves "
    "each parameter against the sign of its gradient.",
    "bp_network_batch": "the batch gradient",
    "bp_network_row": "input {row}'s share",
    "bp_network_alt": "Network diagram with the gradient of the loss on every weight and bias edge.",
    "bp_dead": "dead",
    "bp_dead_note": "Under ReLU, hidden unit(s) {units} have z₁ ≤ 0 for all four inputs: their slope is 0, so no "
    "gradient reaches their incoming weights and biases, and gradient descent cannot revive them.",
    "bp_h_fd": "Finite-difference check",
    "bp_fd_caption": "Nudge each parameter by ±ε (ε = 0.001) and measure the loss again: the slope "
    "(L(θ + ε) − L(θ − ε)) / 2ε must match autograd (both in float64).",
    "bp_fd_param": "parameter",
    "bp_fd_central": "central difference",
    "bp_fd_autograd": "autograd",
    "bp_fd_diff": "|difference|",
    "bp_fd_max": "largest difference",
    "bp_h_update": "Manual update: one step of gradient descent",
    "bp_update_intro": "θ ← θ − η · dL/dθ by hand, as the lecture's cell 2 does. The lecture updates only the "
    "weights; here “Biases too” (on by default) updates every parameter: turn it off and keep η = 0.1 to reproduce "
    "the lecture's updated weights.",
    "bp_eta": "Step size η",
    "bp_eta_help": "How far to move against the gradient (the lecture uses 0.1). Must be a positive number.",
    "bp_biases": "Biases too",
    "bp_params": "Parameters updated",
    "bp_biases_help": "On: update every parameter. Off: the weights only, as the lecture's manual update does.",
    "bp_another": "Take another step",
    "bp_restart": "Start over",
    "bp_steps_taken": "Steps taken: {k}",
    "bp_loss_before": "Loss before step {k}",
    "bp_loss_after": "Loss after step {k}",
    "bp_col_param": "parameter",
    "bp_col_before": "before",
    "bp_col_grad": "gradient",
    "bp_col_after": "after",
    "bp_col_updated": "updated",
    "bp_yes": "yes",
    "bp_no": "no",
    "bp_table_caption": "Step {k}: each parameter before, its gradient at that point, and after.",
    "bp_updated_w1": "Updated Layer 1 weights W₁",
    "bp_updated_w2": "Updated Layer 2 weights W₂",
    "bp_lecture_match_short": "The lecture's model, η = 0.1, weights only: these are the lecture's updated weights.",
    "bp_lecture_match": "Weights only with η = 0.1 from the lecture's model: these are the lecture's “Updated Layer "
    "1/2 Weights” (its printout was cut off before them).",
    "bp_chart_title": "Loss after each manual step",
    "bp_chart_x": "manual step (0 = before any step)",
    "bp_chart_y": "loss L (BCE)",
    "bp_chart_alt": "Line chart of the loss after each manual gradient step, from step 0 to step {k}: "
    "from {first} to {last}.",
    "bp_eta_bad": "The step size must be a positive number (got {eta}). Gradient descent moves by η > 0 against "
    "the gradient: 0 does not move, and a negative step climbs the loss. Enter for example 0.1.",
    "bp_diverged": "A step of size {eta} pushed the parameters or the loss out of the finite numbers "
    "(NaN or infinity). Choose a smaller step size or start over.",
    "bp_clamp": "{k} of the four predictions are exactly 0 or 1 on the wrong side (float32 rounds them there). "
    "BCELoss clamps each log at −100, so each of them adds 100/4 = 25 to the loss: the loss {loss} is that "
    "clamp, not a measured distance.",
    "bp_loss_up": "The loss went up ({before} → {after}): a step of {eta} overshoots here. Try a smaller step size.",
    "bp_loss_above_start": "The loss {after} is still above where the steps started ({start}): a step size of {eta} "
    "is too big. Try a smaller one.",
}

KO: dict[str, str] = {
    "bp_rest_hidden": "나머지(신경망 위의 기울기, 유한 차분 검사, 수동 업데이트)는 마지막 단계를 보인 뒤에 나타납니다.",
    "bp_intro": "순전파는 loss L = {loss}(으)로 끝났습니다. 이제 역전파가 체인 룰을 따라 loss에서 첫 번째 층까지 거꾸로 "
    "내려가며, 모든 값과 모든 파라미터에 대한 loss의 기울기를 구합니다. 기울기는 그 값 하나를 조금 움직였을 때 "
    "loss가 얼마나 빨리 변하는지를 나타내는 민감도이며, loss 가운데 그 값이 차지하는 몫이 아닙니다. 옵티마이저의 한 걸음이 이 기울기로 loss를 줄입니다.",
    "bp_loss_metric": "loss L (4개 행의 평균)",
    "bp_h_grads": "기울기: loss에서부터 거꾸로",
    "bp_batch_note": "네 입력 모두: 각 식은 배치 전체를 행렬로 보여 줍니다 (강의처럼 입력 하나가 한 행).",
    "bp_row_note": "입력 하나: loss는 여전히 네 행 전체의 평균입니다 (강의가 계산하는 그대로). 여기서는 i = {i}번째 행, "
    "입력 {row}에 해당하는 dL/dy_pred, dL/dz2, dL/dh1, dL/dz1의 행과, dL/dW·dL/db 중 이 행의 몫(이 행만의 외적)을 "
    "보여 줍니다. 네 행의 몫을 더하면 배치 기울기가 됩니다.",
    "bp_t_d_y_pred": "예측값마다 loss가 어떻게 변하는지",
    "bp_t_d_z2": "출력 로짓의 오차 신호: 예측이 얼마나 틀렸는지",
    "bp_t_d_W2": "출력층 가중치를 얼마나 수정해야 할지",
    "bp_t_d_b2": "출력 편향을 얼마나 수정해야 할지",
    "bp_t_d_h1": "은닉값마다 loss가 어떻게 변하는지",
    "bp_t_d_z1": "활성화 함수를 지난 오차 신호",
    "bp_t_d_W1": "은닉층 가중치를 얼마나 수정해야 할지",
    "bp_t_d_b1": "은닉 편향을 얼마나 수정해야 할지",
    "bp_x_d_y_pred": "loss를 각 예측값 ŷ로 미분한 기울기입니다. 정답이 0인 행은 양수(ŷ를 낮춰야 함), 정답이 1인 행은 "
    "음수(ŷ를 높여야 함)입니다. 1/N은 네 행의 평균에서 나오고, 1/(ŷ(1 − ŷ)) 배가 값을 부풀립니다. 오차 그 자체가 아니라 기울기입니다 "
    "(오차는 다음의 dL/dz2입니다).",
    "bp_x_d_z2": "출력 시그모이드를 한 단계 거슬러 올라갑니다: σ'(z₂) = ŷ(1 − ŷ)를 곱합니다. 시그모이드 출력과 BCE를 "
    "함께 쓰면 모두 약분되어 (ŷ − y)/N, 즉 오차 그 자체를 N으로 나눈 값이 됩니다.",
    "bp_x_d_W2": "각 행의 오차 신호 dL/dz2에 그 행의 은닉 활성값 h₁을 곱해서 네 행을 더합니다.",
    "bp_x_d_b2": "출력 편향은 모든 행에 가중치 1로 더해지므로, 기울기는 각 행의 dL/dz2를 모두 더한 값입니다.",
    "bp_x_d_h1": "오차 신호가 W₂를 거쳐 각 은닉 유닛으로 돌아갑니다. 여기가 중요합니다! 역전파가 은닉층까지 "
    "도달했습니다. (강의 노트의 출력은 이 행렬에서 잘렸는데, 여기서는 전부 보여 줍니다.)",
    "bp_x_d_z1": "활성화 함수를 거슬러 올라갑니다: 기울기 f'(z₁)를 원소별로 곱합니다. 기울기가 작은 곳(포화된 "
    "시그모이드, z₁ ≤ 0인 ReLU)에서는 신호가 약해지거나 멈춥니다.",
    "bp_x_d_W1": "각 행의 은닉 오차 신호 dL/dz1에 그 행의 입력 x를 곱해서 네 행을 더합니다. 0인 입력 성분은 "
    "해당 가중치에 아무것도 보태지 않습니다.",
    "bp_x_d_b1": "은닉 편향은 모든 행에 가중치 1로 더해지므로, 각 행의 dL/dz1을 모두 더한 값입니다.",
    "bp_identity": "시그모이드 출력 + BCE의 항등식을 역전파 없이 ŷ와 y만으로 바로 계산하면:",
    "bp_lecture_note": "강의 노트 출력에 대한 참고: “dL/dy_pred”라는 이름으로 출력된 값은 `z2.grad`, 즉 ŷ에서 출력 "
    "시그모이드를 한 단계 더 거슬러 올라간 dL/dz2입니다. 둘 다 출력 쪽에 있어서 헷갈리기 쉬운 부분입니다. 여기서는 "
    "두 값을 각자의 이름으로 보여 줍니다: 위의 dL/dy_pred와 여기의 dL/dz2.",
    "bp_autograd": "autograd (loss.backward())",
    "bp_autograd_row": "입력 {row}의 항 ℓ/N에 대한 autograd",
    "bp_by_hand": "손으로 유도 (체인 룰)",
    "bp_maxdiff": "최대 |autograd − 손 계산|",
    "bp_row_sum": "네 입력의 몫을 더하면 배치 기울기가 됩니다: {value}",
    "bp_act_prime": "은닉층 활성화 함수({act})의 기울기:",
    "bp_h_graph": "계산 그래프",
    "bp_graph_caption": "연산과 잎 노드마다 상자 하나 (micrograd 방식): 무엇을 계산하는지 | 값 | autograd가 구한 기울기 "
    "dL/d(·). 초록: 연산, 파랑: 파라미터, 회색: 데이터(기울기 없음). {which}",
    "bp_graph_batch": "네 입력의 값과 기울기를 한 줄씩 보여 줍니다.",
    "bp_graph_row": "입력 {row}의 값과 기울기입니다. 파라미터에는 기울기 중 이 입력의 몫이 표시됩니다.",
    "bp_graph_alt": "신경망의 계산 그래프: x와 W1이 행렬곱으로 들어가고, 편향 b1, 활성화 함수, W2와의 행렬곱, 편향 b2, "
    "출력 시그모이드, BCE loss로 이어집니다. 각 노드에 값과 기울기가 표시됩니다.",
    "bp_g_value": "값",
    "bp_g_grad": "기울기",
    "bp_g_grad_row": "기울기, 입력 {row}",
    "bp_g_share": "기울기 중 입력 {row}의 몫",
    "bp_g_input": "입력",
    "bp_g_target": "정답",
    "bp_g_nograd": "기울기 없음 (데이터)",
    "bp_g_mean": "4개 행의 평균",
    "bp_g_row_term": "입력 {row}의 항",
    "bp_op_matmul1": "Linear 1: 행렬곱",
    "bp_op_add1": "Linear 1: 편향 더하기",
    "bp_op_matmul2": "Linear 2: 행렬곱",
    "bp_op_add2": "Linear 2: 편향 더하기",
    "bp_op_sigmoid": "출력 시그모이드",
    "bp_op_bce": "BCE loss (4개 평균)",
    "bp_h_network": "신경망 위의 기울기",
    "bp_network_caption": "각 간선에는 그 가중치나 편향의 dL/dθ가 적혀 있습니다 ({which}). 색은 부호(파랑 +, 주홍색 −), "
    "굵기는 크기입니다. 경사 하강법은 각 파라미터를 기울기의 부호와 반대 방향으로 움직입니다.",
    "bp_network_caption_compact": "표에는 각 간선의 dL/dθ가 있습니다 ({which}; 행 = 은닉 유닛, 열 = 간선; 1 → ŷ는 b₂). "
    "구조도에서 색은 부호(파랑 +, 주홍색 −), 굵기는 크기입니다. 경사 하강법은 각 파라미터를 기울기의 부호와 반대 방향으로 "
    "움직입니다.",
    "bp_network_batch": "배치 기울기",
    "bp_network_row": "입력 {row}의 몫",
    "bp_network_alt": "모든 가중치와 편향 간선에 loss의 기울기를 표시한 신경망 그림.",
    "bp_dead": "죽은 유닛",
    "bp_dead_note": "ReLU에서 은닉 유닛 {units}: 네 입력 모두에서 z₁ ≤ 0입니다. 기울기가 0이라 들어오는 가중치와 "
    "편향에 기울기가 전혀 전달되지 않고, 경사 하강법으로는 되살릴 수 없습니다.",
    "bp_h_fd": "유한 차분 검사",
    "bp_fd_caption": "각 파라미터를 ±ε (ε = 0.001)만큼 살짝 움직여 loss를 다시 재면, 기울기 "
    "(L(θ + ε) − L(θ − ε)) / 2ε가 autograd와 같아야 합니다 (둘 다 float64).",
    "bp_fd_param": "파라미터",
    "bp_fd_central": "중앙 차분",
    "bp_fd_autograd": "autograd",
    "bp_fd_diff": "|차이|",
    "bp_fd_max": "최대 차이",
    "bp_h_update": "수동 업데이트: 경사 하강법 한 걸음",
    "bp_update_intro": "강의 2번 셀처럼 θ ← θ − η · dL/dθ를 직접 계산합니다. 강의는 가중치만 수정하고, 여기서는 "
    "“편향도 함께”(기본값: 켬)가 모든 파라미터를 수정합니다. 이를 끄고 η = 0.1로 두면 강의의 업데이트된 가중치가 "
    "그대로 나옵니다.",
    "bp_eta": "스텝 크기 η",
    "bp_eta_help": "기울기 반대 방향으로 얼마나 움직일지 (강의는 0.1). 양수여야 합니다.",
    "bp_biases": "편향도 함께",
    "bp_params": "수정할 파라미터",
    "bp_biases_help": "켜면 모든 파라미터를, 끄면 강의의 수동 업데이트처럼 가중치만 수정합니다.",
    "bp_another": "한 걸음 더",
    "bp_restart": "처음부터 다시",
    "bp_steps_taken": "진행한 걸음 수: {k}",
    "bp_loss_before": "걸음 {k} 전 loss",
    "bp_loss_after": "걸음 {k} 후 loss",
    "bp_col_param": "파라미터",
    "bp_col_before": "이전",
    "bp_col_grad": "기울기",
    "bp_col_after": "이후",
    "bp_col_updated": "수정 여부",
    "bp_yes": "예",
    "bp_no": "아니요",
    "bp_table_caption": "걸음 {k}: 각 파라미터의 이전 값, 그 지점에서의 기울기, 이후 값.",
    "bp_updated_w1": "업데이트된 Layer 1 가중치 W₁",
    "bp_updated_w2": "업데이트된 Layer 2 가중치 W₂",
    "bp_lecture_match_short": "강의의 모델, η = 0.1, 가중치만: 강의의 업데이트된 가중치입니다.",
    "bp_lecture_match": "강의 모델에서 η = 0.1로 가중치만 수정한 결과: 강의의 “Updated Layer 1/2 Weights”와 같은 "
    "값입니다 (강의 노트 출력은 그 전에 잘렸습니다).",
    "bp_chart_title": "수동 업데이트 걸음마다의 loss",
    "bp_chart_x": "수동 업데이트 걸음 (0 = 업데이트 전)",
    "bp_chart_y": "loss L (BCE)",
    "bp_chart_alt": "수동 경사 하강 걸음마다의 loss를 걸음 0부터 걸음 {k}까지 그린 선 그래프: {first}에서 {last}까지.",
    "bp_eta_bad": "스텝 크기는 양수여야 합니다 (입력값 {eta}). 경사 하강법은 기울기 반대 방향으로 η > 0만큼 움직입니다: "
    "0이면 움직이지 않고, 음수면 loss가 오히려 커집니다. 예를 들어 0.1을 입력해 보세요.",
    "bp_diverged": "크기 {eta}의 걸음으로 파라미터나 loss가 유한한 수의 범위를 벗어났습니다 (NaN 또는 무한대). "
    "더 작은 스텝 크기를 고르거나 처음부터 다시 해 보세요.",
    "bp_clamp": "네 예측값 중 {k}개가 틀린 쪽으로 정확히 0 또는 1입니다 (float32가 그렇게 반올림합니다). BCELoss는 "
    "log를 −100에서 잘라 내므로, 그런 입력마다 loss에 100/4 = 25가 더해집니다. loss {loss}(은)는 잰 거리가 아니라 이 "
    "잘라 냄의 값입니다.",
    "bp_loss_up": "loss가 오히려 커졌습니다 ({before} → {after}): 여기서는 {eta}만큼의 걸음이 너무 커서 지나쳐 버립니다. "
    "더 작은 스텝 크기를 써 보세요.",
    "bp_loss_above_start": "loss는 아직 {after}(으)로, 처음({start})보다 큽니다: 스텝 크기 {eta}(은)는 너무 큽니다. "
    "더 작은 값을 써 보세요.",
}
