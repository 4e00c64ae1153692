"""Text of the views beyond the lecture: the inputs' shares, local x upstream, the loss slice (bx_)."""

EN: dict[str, str] = {
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
    "bx_opposed": "In {both} of the {p} parameters of {group} the inputs pull in opposite directions (shares of "
    "both signs).",
    "bx_cancel": "Among them they cancel most in dL/d{name} = {total}: the shares {shares} add up to only that, while "
    "their sizes add up to {pull}, {ratio} times as much.",
    "bx_cancel_tie": "It is not alone: {k} parameters cancel {ratio} times as much, a tie ({names}).",
    "bx_cancel_one": "There, in dL/d{name} = {total}, the shares {shares} add up to only that, while their sizes add "
    "up to {pull}, {ratio} times as much.",
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
    "and by the {act} slope f′(z₁) ({fp}).",
    "bx_fp_range": "from {lo} to {hi} on these inputs",
    "bx_fp_one": "{lo} on every input",
    "bx_layer_larger": "Here the first layer's gradients are {ratio} times larger than the second's (mean "
    "|dL/dW₁| = {w1}, mean |dL/dW₂| = {w2}): on the way back they were multiplied by W₂ (mean |W₂| = {w2_abs}) "
    "and by the {act} slope f′(z₁) ({fp}).",
    "bx_layer_zero": "The first layer's gradients are all 0 here (mean |dL/dW₂| = {w2}): the {act} slope f′(z₁) "
    "is {fp}, and mean |W₂| = {w2_abs}.",
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
    "bx_opposed": "{group}의 파라미터 {p}개 중 {both}개에서 입력들이 서로 반대 방향으로 당깁니다(부호가 다른 몫이 "
    "섞여 있습니다).",
    "bx_cancel": "그중 가장 많이 상쇄되는 곳은 dL/d{name} = {total}입니다: 몫 {shares}(을)를 더하면 그만큼밖에 되지 "
    "않지만, 몫의 크기를 더하면 {pull}(으)로 {ratio}배입니다.",
    "bx_cancel_tie": "이런 곳이 하나만은 아닙니다. {k}개 파라미터가 똑같이 {ratio}배 상쇄됩니다({names}).",
    "bx_cancel_one": "그 파라미터 dL/d{name} = {total}에서 몫 {shares}(을)를 더하면 그만큼밖에 되지 않지만, 몫의 크기를 "
    "더하면 {pull}(으)로 {ratio}배입니다.",
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
    "bx_layer_smaller": "여기서 첫 번째 층의 기울기는 두 번째 층의 약 {ratio}분의 1입니다(평균 |dL/dW₁| = {w1}, 평균 "
    "|dL/dW₂| = {w2}). 거꾸로 오는 길에 W₂(평균 |W₂| = {w2_abs})와 {act}의 기울기 f′(z₁)({fp})가 "
    "곱해졌기 때문입니다.",
    "bx_fp_range": "이 입력들에서 {lo}부터 {hi}까지",
    "bx_fp_one": "네 입력 모두에서 {lo}",
    "bx_layer_larger": "여기서는 첫 번째 층의 기울기가 두 번째 층보다 {ratio}배 큽니다 (평균 |dL/dW₁| = {w1}, 평균 "
    "|dL/dW₂| = {w2}). 거꾸로 오는 길에 W₂(평균 |W₂| = {w2_abs})와 {act}의 기울기 f′(z₁)({fp})가 "
    "곱해졌습니다.",
    "bx_layer_zero": "여기서 첫 번째 층의 기울기는 모두 0입니다 (평균 |dL/dW₂| = {w2}). {act}의 기울기 f′(z₁)는 "
    "{fp}이고, 평균 |W₂| = {w2_abs}입니다.",
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
    "bx_slice_says": "{which}(으)로 η = {eta}만큼 가면 loss는 {l0}에서 {l}까지 바뀝니다. η = 0에서의 접선(기울기 "
    "{slope}, 즉 −∇L·d)으로 예상한 값은 {tangent}입니다.",
    "bx_slice_best": "이 단면(η는 0부터 {end}까지)에서 가장 낮은 loss는 η ≈ {best}에 있습니다.",
    "bx_slice_up": "η ≈ {up}부터는 걸음이 너무 커서 loss가 출발점보다 높아집니다.",
    "bx_slice_never_up": "η = {end}까지는 어떤 걸음도 출발 loss보다 높아지지 않습니다.",
    "bx_slice_overshoot": "여기서 η = {eta}(은)는 너무 큽니다: 골짜기를 건너뛰어 loss가 오히려 커집니다.",
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
