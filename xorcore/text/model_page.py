"""Text of the model page (keys mp_*)."""

EN: dict[str, str] = {
    "mp_title": "The model: a 2-{hidden}-1 network",
    "mp_intro": "Two inputs, {hidden} hidden unit(s) (activation: {act}), one output squashed by a sigmoid into a "
    "probability. This page shows the problem, the network, its parameters before and after training, "
    "and its code.",
    "mp_xor_header": "The problem: XOR",
    "mp_xor_text": "The output is 1 exactly when the two inputs differ. On the plane, the two 1s sit on one diagonal "
    "and the two 0s on the other: **no single straight line separates them**, so one linear layer "
    "(logistic regression) cannot solve XOR: its best is to answer 0.5 everywhere, loss ln 2 ≈ 0.693. A hidden "
    "layer with a non-linear activation can: it bends the plane until one line is enough (with the identity "
    "nothing bends).",
    "mp_truth_table": "Truth table",
    "mp_col_y": "y = x₁ XOR x₂",
    "mp_net_header": "The network",
    "mp_net_text": "Every arrow is a weight and every dashed square **1** feeds a bias; the number on an arrow is its "
    "value. Blue = positive, vermillion = negative, thicker = larger in size.",
    "mp_net_text_compact": "Every arrow is a weight and every dashed square **1** feeds a bias; the table gives each "
    "arrow's value. Blue = positive, vermillion = negative, thicker = larger in size.",
    "mp_tab_initial": "Initial parameters (seed {seed})",
    "mp_tab_trained": "Trained parameters ({epochs} epochs)",
    "mp_diagram_caption": "Network diagram: inputs x₁ and x₂, hidden units h, output ŷ. "
    "Edge labels are the weights and biases at these parameters.",
    "mp_diagram_caption_compact": "Network diagram: inputs x₁ and x₂, hidden units h, output ŷ. The table gives "
    "every edge's weight or bias at these parameters (row = hidden unit, column = edge); 1 → ŷ is b₂.",
    "mp_dead": "dead",
    "mp_dead_text": "**Dead ReLU unit(s): {units}.** At these parameters z1 ≤ 0 for all four inputs, so the unit "
    "outputs 0 and its gradient is 0 for every input: no gradient can revive it (Adam or momentum may still move "
    "it for a while on the momentum gathered before it died, never by a gradient of its own).",
    "mp_dead_two": "With only two hidden units, one dead unit leaves one live unit, which bends the plane along "
    "one line only and cannot solve XOR. This dashboard reads it as the reason for the switch from ReLU to "
    "sigmoid that the lecture's cell 1 records (the notebook itself gives none).",
    "mp_dead_many": "{alive} of {n} units are still alive; XOR needs at least two working ones.",
    "mp_no_dead": "No hidden unit is dead for all four inputs at these parameters (a dead unit has z1 ≤ 0 for "
    "every input and would be drawn grey and dashed).",
    "mp_params_header": "Parameters",
    "mp_params_text": "W1 ({hidden}×2) + b1 ({hidden}) + W2 (1×{hidden}) + b2 (1) = 4·{hidden} + 1 = **{n}** "
    "parameters. Initial = right after `torch.manual_seed({seed})`; trained = after {epochs} epochs of "
    "{opt} with learning rate {lr}.",
    "mp_count": "Parameter count",
    "mp_final_loss": "Trained loss",
    "mp_initial_loss": "Initial loss",
    "mp_act_header": "The hidden activation: {name}",
    "mp_act_sigmoid": "Sigmoid squeezes any z into (0, 1). Its derivative is at most 0.25 (at z = 0) and close to 0 "
    "for large |z|: gradients shrink as they pass through. In exact arithmetic it never reaches 0; in PyTorch's "
    "float32 it is exactly 0 for z above {sig_hi} (σ(z) rounds to 1) or below −{sig_lo} (σ(z) rounds to 0).",
    "mp_act_tanh": "tanh squeezes z into (-1, 1) around 0. Its derivative is at most 1 (at z = 0) and fades for "
    "large |z|; in PyTorch's float32 it is exactly 0 once |z| is above {tanh_hi} (tanh(z) rounds to ±1).",
    "mp_act_relu": "ReLU keeps z > 0 as it is and sets z < 0 to 0. In its **dead zone** (z < 0, shaded) the "
    "derivative is exactly 0: a unit whose z1 is negative for all four inputs gets no gradient, so no gradient "
    "can revive it (only momentum gathered before it died still moves it a little).",
    "mp_act_leaky_relu": "Leaky ReLU keeps a small slope of 0.01 for z < 0, so a unit never goes completely dead: "
    "a little gradient always flows back.",
    "mp_act_identity": "Without an activation the whole network is linear: Linear 2 after Linear 1 is again a single "
    "line on the plane, so it cannot solve XOR however long it trains.",
    "mp_act_caption": "Blue solid line: the activation f(z). Vermillion dashed line: its derivative f'(z), "
    "the factor backprop multiplies by at this unit.",
    "mp_code_header": "The PyTorch code",
    "mp_code_text": "The model for the current settings (change the sidebar and the code follows).",
    "mp_pred_header": "Trained predictions",
    "mp_pred_text": "The predictions before and after training (the lecture's cell 1 prints only the trained ones). "
    "{right_text} {rule}",
    "mp_right_some": "**{right} of 4** inputs are right.",
    "mp_right_all": "**All four** inputs are right.",
    "mp_right_none": "**None** of the four inputs is right.",
    "mp_pred_ok": "The network learned XOR.",
    "mp_pred_bad": "The network did not learn XOR with these settings. Try another seed, activation or learning rate.",
    "mp_pred_bad_one_unit": "The network did not learn XOR, and with one hidden unit no seed, activation, optimizer "
    "or number of epochs can: its 0.5 boundary is one straight line. Add hidden units.",
    "mp_pred_bad_identity": "The network did not learn XOR, and with the identity activation no seed, optimizer, "
    "learning rate or number of epochs can: choose a non-linear activation.",
    "mp_boundary_caption": "Trained decision boundary: the colour is the prediction over the input plane. {line}",
    "code_seed": "fixed initial weights, as in the lecture",
    "code_layer1": "hidden layer: 2 inputs -> {h} units",
    "code_layer2": "output layer: {h} units -> 1",
    "code_final": "final probability",
    "code_stretch": "stretch and rotate the input space",
    "code_bend_sigmoid": "bend the space smoothly",
    "code_bend_tanh": "bend the space smoothly",
    "code_bend_relu": "clamp the negative side to 0",
    "code_bend_leaky_relu": "squash the negative side by 0.01",
    "code_bend_identity": "no activation: nothing bends",
    "code_combine": "combine regions in the bent space",
    "code_combine_identity": "one more weighted sum: still linear in x",
    "code_data": "the four XOR inputs and their targets",
    "code_data_task": "the four inputs and their {task} targets",
    "code_init": "start from the parameters set by hand (W1 row by row, b1, W2, b2), not the seed's",
    "code_doc": "XOR Backprop Lab run: {label}. Needs only PyTorch.",
    "code_loop": "the lecture's cell 1 loop",
    "code_forward": "1. forward",
    "code_loss": "2. loss",
    "code_zero": "3. clear old gradients",
    "code_backward": "4. backward (chain rule)",
    "code_step": "5. update",
}


KO: dict[str, str] = {
    "mp_title": "모델: 2-{hidden}-1 신경망",
    "mp_intro": "입력 두 개, 은닉 유닛 {hidden}개(활성화 함수: {act}), 그리고 시그모이드로 확률을 내는 출력 하나. "
    "이 페이지는 문제, 신경망의 구조, 학습 전후의 파라미터, 그리고 코드를 보여 줍니다.",
    "mp_xor_header": "문제: XOR",
    "mp_xor_text": "두 입력이 서로 다를 때만 출력이 1입니다. 평면 위에서 1인 두 점은 한 대각선에, 0인 두 점은 다른 "
    "대각선에 놓입니다. **어떤 직선 하나로도 둘을 나눌 수 없으므로** 선형층 하나(로지스틱 회귀)로는 XOR을 풀 수 "
    "없습니다. 그 최선은 모든 곳에 0.5라고 답하는 것이고, loss는 ln 2 ≈ 0.693입니다. 비선형 활성화 함수를 쓰는 "
    "은닉층은 풀 수 있습니다: 직선 하나로 충분해질 때까지 평면을 휘게 만듭니다 (항등 함수로는 아무것도 휘지 않습니다).",
    "mp_truth_table": "진리표",
    "mp_col_y": "y = x₁ XOR x₂",
    "mp_net_header": "신경망",
    "mp_net_text": "화살표 하나가 가중치 하나이고, 점선 사각형 **1**은 편향(bias)을 넣어 줍니다. 화살표 위의 숫자가 그 "
    "값입니다. 파란색 = 양수, 주홍색 = 음수, 굵을수록 크기가 큽니다.",
    "mp_net_text_compact": "화살표 하나가 가중치 하나이고, 점선 사각형 **1**은 편향(bias)을 넣어 줍니다. 각 화살표의 값은 "
    "표에 있습니다. 파란색 = 양수, 주홍색 = 음수, 굵을수록 크기가 큽니다.",
    "mp_tab_initial": "초기 파라미터 (시드 {seed})",
    "mp_tab_trained": "학습된 파라미터 ({epochs} 에폭)",
    "mp_diagram_caption": "신경망 구조도: 입력 x₁, x₂, 은닉 유닛 h, 출력 ŷ. 화살표의 숫자는 이 파라미터에서의 "
    "가중치와 편향입니다.",
    "mp_diagram_caption_compact": "신경망 구조도: 입력 x₁, x₂, 은닉 유닛 h, 출력 ŷ. 표에는 이 파라미터에서 각 간선의 "
    "가중치나 편향이 있습니다 (행 = 은닉 유닛, 열 = 간선). 1 → ŷ는 b₂입니다.",
    "mp_dead": "죽은 유닛",
    "mp_dead_text": "**죽은 ReLU 유닛: {units}.** 이 파라미터에서는 네 입력 모두 z1 ≤ 0이라 이 유닛은 늘 0을 내보내고, "
    "어떤 입력에서도 기울기가 0입니다. 어떤 기울기도 이 유닛을 되살릴 수 없습니다 (Adam이나 모멘텀은 죽기 전에 쌓인 "
    "관성으로 한동안 더 움직일 수 있지만, 이 유닛 자신의 기울기 때문은 아닙니다).",
    "mp_dead_two": "은닉 유닛이 둘뿐이면 하나만 죽어도 살아 있는 유닛 하나만 남고, 이 유닛은 평면을 직선 하나를 "
    "따라서만 꺾으므로 XOR을 풀 수 없습니다. 강의 1번 셀에 기록된 ReLU에서 시그모이드로의 전환을 이 대시보드는 이렇게 "
    "해석합니다 (노트 자체에는 이유가 없습니다).",
    "mp_dead_many": "유닛 {n}개 중 {alive}개는 아직 살아 있습니다. XOR을 풀려면 제대로 동작하는 유닛이 적어도 두 개 "
    "필요합니다.",
    "mp_no_dead": "이 파라미터에서 네 입력 모두에 대해 죽은 은닉 유닛은 없습니다. (죽은 유닛은 모든 입력에서 "
    "z1 ≤ 0이며, 회색 점선으로 그려집니다.)",
    "mp_params_header": "파라미터",
    "mp_params_text": "W1 ({hidden}×2) + b1 ({hidden}) + W2 (1×{hidden}) + b2 (1) = 4·{hidden} + 1 = **{n}**개의 "
    "파라미터. 초기값은 `torch.manual_seed({seed})` 직후의 값, 학습 후 값은 {opt}, 학습률 {lr}(으)로 {epochs} 에폭 "
    "학습한 뒤의 값입니다.",
    "mp_count": "파라미터 수",
    "mp_final_loss": "학습 후 loss",
    "mp_initial_loss": "초기 loss",
    "mp_act_header": "은닉층 활성화 함수: {name}",
    "mp_act_sigmoid": "시그모이드는 어떤 z든 (0, 1) 사이로 압축합니다. 도함수는 z = 0에서 최대 0.25이고 |z|가 "
    "크면 0에 가까워져, 기울기는 이곳을 지날 때마다 줄어듭니다. 정확한 계산에서는 0이 되지 않지만, PyTorch의 "
    "float32에서는 z가 {sig_hi}보다 크거나(σ(z)가 1로 반올림됨) −{sig_lo}보다 작으면(σ(z)가 0으로 반올림됨) 정확히 "
    "0입니다.",
    "mp_act_tanh": "tanh는 z를 0을 중심으로 (-1, 1) 사이로 압축합니다. 도함수는 z = 0에서 최대 1이고 |z|가 "
    "커지면 작아지며, PyTorch의 float32에서는 |z|가 {tanh_hi}보다 크면(tanh(z)가 ±1로 반올림됨) 정확히 0입니다.",
    "mp_act_relu": "ReLU는 z > 0은 그대로 두고 z < 0은 0으로 만듭니다. **죽은 구간**(z < 0, 회색)에서는 도함수가 "
    "정확히 0입니다. 네 입력 모두에서 z1이 음수인 유닛은 기울기를 전혀 받지 못하므로 어떤 기울기도 이 유닛을 "
    "되살릴 수 없습니다 (죽기 전에 쌓인 모멘텀만 조금 더 움직입니다).",
    "mp_act_leaky_relu": "Leaky ReLU는 z < 0에서도 0.01의 작은 기울기를 남겨 둡니다. 그래서 유닛이 완전히 죽지 않고, "
    "기울기가 조금이라도 늘 거꾸로 흐릅니다.",
    "mp_act_identity": "활성화 함수가 없으면 신경망 전체가 선형입니다. Linear 1 다음의 Linear 2는 다시 평면 위의 직선 "
    "하나일 뿐이라, 아무리 오래 학습해도 XOR을 풀 수 없습니다.",
    "mp_act_caption": "파란 실선: 활성화 함수 f(z). 주홍색 점선: 도함수 f'(z), 역전파가 이 유닛에서 곱하는 값입니다.",
    "mp_code_header": "PyTorch 코드",
    "mp_code_text": "현재 설정의 모델입니다 (사이드바를 바꾸면 코드도 따라 바뀝니다).",
    "mp_pred_header": "학습 후 예측",
    "mp_pred_text": "학습 전과 후의 예측값입니다 (강의 1번 셀은 학습 후의 값만 출력합니다). {right_text} {rule}",
    "mp_right_some": "맞힌 입력은 네 개 중 **{right}개**입니다.",
    "mp_right_all": "**네 입력을 모두** 맞혔습니다.",
    "mp_right_none": "네 입력 중 **하나도** 맞히지 못했습니다.",
    "mp_pred_ok": "신경망이 XOR을 배웠습니다.",
    "mp_pred_bad": "이 설정으로는 신경망이 XOR을 배우지 못했습니다. 다른 시드, 활성화 함수, 학습률을 시도해 보세요.",
    "mp_pred_bad_one_unit": "신경망이 XOR을 배우지 못했습니다. 은닉 유닛이 하나이면 0.5 경계가 직선 하나라서 어떤 시드, "
    "활성화 함수, 옵티마이저, 에폭 수로도 배울 수 없습니다. 은닉 유닛을 늘려 보세요.",
    "mp_pred_bad_identity": "신경망이 XOR을 배우지 못했습니다. 항등 함수로는 어떤 시드, 옵티마이저, 학습률, 에폭 "
    "수로도 배울 수 없습니다: 비선형 활성화 함수를 고르세요.",
    "mp_boundary_caption": "학습된 결정 경계: 색은 입력 평면 위의 예측값입니다. {line}",
    "code_seed": "가중치 초기값을 고정 (강의처럼 항상 같은 결과)",
    "code_layer1": "은닉층: 입력 2 -> 은닉 {h}",
    "code_layer2": "출력층: 은닉 {h} -> 출력 1",
    "code_final": "최종 확률",
    "code_stretch": "입력 공간을 늘리고 회전시킴",
    "code_bend_sigmoid": "공간을 부드럽게 휘게 만듦",
    "code_bend_tanh": "공간을 부드럽게 휘게 만듦",
    "code_bend_relu": "음수 쪽을 0으로 눌러 평평하게",
    "code_bend_leaky_relu": "음수 쪽에 0.01을 곱해 줄임",
    "code_bend_identity": "활성화 없음: 아무것도 휘지 않음",
    "code_combine": "휘어진 공간에서 영역을 합침",
    "code_combine_identity": "가중합을 한 번 더: 여전히 x의 선형 함수",
    "code_data": "XOR의 네 입력과 정답",
    "code_data_task": "네 입력과 {task}의 정답",
    "code_init": "시드의 초기값 대신 손으로 정한 파라미터에서 시작 (W1 행 순서대로, b1, W2, b2)",
    "code_doc": "XOR 역전파 실험실의 실행: {label}. PyTorch만 있으면 됩니다.",
    "code_loop": "강의 1번 셀의 학습 루프",
    "code_forward": "1. 순전파",
    "code_loss": "2. 오차 계산 (loss)",
    "code_zero": "3. 기울기 초기화",
    "code_backward": "4. 역전파 (체인 룰)",
    "code_step": "5. 업데이트",
}
