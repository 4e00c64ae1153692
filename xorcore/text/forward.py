"""Text of the forward page (keys fw_*); its charts' text is in charts.py."""

EN: dict[str, str] = {
    "fw_title": "Forward pass: from the inputs to the loss",
    "fw_intro": "One forward pass of the untrained network (the initial weights of seed {seed}), step by step, as in "
    "the lecture's cell 2. Each step shows its numbers, its equation with those numbers, and where the four "
    "points are now.",
    "fw_lecture_ok": "Lecture settings: these are the numbers printed in the lecture's cell 2 (loss 0.7482).",
    "fw_not_lecture": "These numbers are for seed {seed}, {act}, {hidden} hidden unit(s), before any training "
    "(the lecture uses seed 42, sigmoid, 2 hidden units).",
    "fw_start_header": "Start: the four inputs",
    "fw_start_text": "X holds the four inputs as rows (a batch, as in the lecture); the targets are y = 0, 1, 1, 0. "
    "The grid of the input plane drawn here travels with the points through every step below. "
    "Each hidden unit has a line where its z1 is 0 (dashed where it crosses this window): the unit measures "
    "on which side of its line, and how far, a point lies.",
    "fw_units_label": "Hidden units to draw",
    "fw_unit_x": "Horizontal axis",
    "fw_unit_y": "Vertical axis",
    "fw_unit": "unit {i}",
    "fw_units_note": "The network has {n} hidden units; each picture shows two of them (choose which above).",
    "fw_one_unit_note": "The network has a single hidden unit: its pictures put that unit's value on one line.",
    "fw_values": "Values",
    "fw_equation": "Equation with the numbers",
    "fw_step1": "Step 1 · Linear 1: z₁ = x W₁ᵀ + b₁",
    "fw_step2": "Step 2 · Activation: h₁ = f(z₁)",
    "fw_step3": "Step 3 · Linear 2: z₂ = h₁ W₂ᵀ + b₂",
    "fw_step4": "Step 4 · Output: y_pred = σ(z₂)",
    "fw_step5": "Step 5 · Loss: binary cross-entropy",
    "fw_more1": "Each hidden unit takes a weighted sum of the two inputs plus its bias. Geometrically Linear 1 is an "
    "affine map of the plane: it stretches, rotates, shears and shifts the grid, but straight lines stay "
    "straight and parallel lines stay parallel. So this step alone cannot separate XOR's points.",
    "fw_more1_one": "The hidden unit takes a weighted sum of the two inputs plus its bias. Geometrically Linear 1 "
    "maps the plane onto a line: each point gets one number z1, and every line parallel to z1 = 0 lands on one "
    "value, so the plane is flattened, not rotated. So this step alone cannot separate XOR's points.",
    "fw_more1_many": "Each of the {n} hidden units takes a weighted sum of the two inputs plus its bias. "
    "Geometrically Linear 1 is an affine map of the plane into {n} dimensions (each picture shows two of them): "
    "straight lines stay straight and parallel lines stay parallel. So this step alone cannot separate XOR's "
    "points.",
    "fw_more2_sigmoid": "The activation acts on each number on its own, and it is the only step that bends the "
    "space (the output sigmoid is non-linear too, but it is monotone: it does not move the boundary z2 = 0, "
    "y_pred = 0.5). Sigmoid bends the grid lines smoothly and squeezes every coordinate into (0, 1), pressing "
    "far-away regions against the edges.",
    "fw_more2_tanh": "The activation acts on each number on its own, and it is the only step that bends the space "
    "(the output sigmoid is non-linear too, but it is monotone: it does not move the boundary z2 = 0, "
    "y_pred = 0.5). tanh bends the grid lines smoothly and squeezes every coordinate into (−1, 1).",
    "fw_more2_relu": "The activation acts on each number on its own, and it is the only step that bends the space "
    "(the output sigmoid is non-linear too, but it is monotone: it does not move the boundary z2 = 0, "
    "y_pred = 0.5). ReLU clamps the negative side flat: every z1 < 0 becomes 0, so points with a negative "
    "coordinate are pressed onto an axis and lose their differences there, while the positive side is left as "
    "it is. It bends the space at the axes, not smoothly, and it does not fold it (|z| would).",
    "fw_more2_leaky_relu": "The activation acts on each number on its own, and it is the only step that bends the "
    "space (the output sigmoid is non-linear too, but it is monotone: it does not move the boundary z2 = 0, "
    "y_pred = 0.5). Leaky ReLU multiplies every z1 < 0 by 0.01: the negative side is squashed a hundredfold, "
    "not flattened, and the space bends at the axes, not smoothly.",
    "fw_more2_identity": "With the identity nothing bends: the grid stays straight, the whole network stays linear, "
    "and XOR stays unsolvable.",
    "fw_more3": "The output unit takes a weighted sum of the hidden values. In the h1 plane the points where z2 = 0 "
    "form one straight line: on one side z2 > 0 (prediction above 0.5), on the other z2 < 0.",
    "fw_more3_one": "The output unit takes a weighted sum of its one hidden value: z2 = w·h + b2 is 0 at one "
    "threshold h = −b2 / w, with z2 > 0 (prediction above 0.5) on one side and z2 < 0 on the other.",
    "fw_train_bent": "Training moves the bent grid and this line, trying to put the 1s and the 0s on different sides "
    "(whether this run gets there, the Training Curve page shows).",
    "fw_train_identity": "Training can move this line, but nothing bends the grid: the four points keep XOR's "
    "layout (an affine image of the square), and no line separates them.",
    "fw_more4": "The sigmoid turns z2 into a probability between 0 and 1; z2 = 0 becomes exactly 0.5, and above "
    "0.5 means 'predicts 1'. These are the untrained network's predictions: {right} of 4 are "
    "within {tol} of their target.",
    "fw_more5": "Binary cross-entropy scores each prediction by the probability it gives to the right answer: "
    "−log(y_pred) when the target is 1, −log(1 − y_pred) when it is 0. A confident wrong answer costs a lot. "
    "The loss L is the mean over the four rows: the one number training pushes down (backprop computes its "
    "gradients, the optimizer's step moves the parameters against them).",
    "fw_loss_metric": "Loss L (batch of 4)",
    "fw_row_loss": "Loss term of input {row}",
}

KO: dict[str, str] = {
    "fw_title": "순전파: 입력에서 loss까지",
    "fw_intro": "학습 전 신경망(시드 {seed}의 초기 가중치)의 순전파를 강의 2번 셀처럼 한 단계씩 따라갑니다. "
    "각 단계마다 값, 그 값을 넣은 수식, 그리고 네 점이 지금 어디에 있는지를 보여 줍니다.",
    "fw_lecture_ok": "강의 설정: 강의 2번 셀이 출력한 값과 같습니다 (loss 0.7482).",
    "fw_not_lecture": "시드 {seed}, {act}, 은닉 유닛 {hidden}개로 학습하기 전의 값입니다 "
    "(강의는 시드 42, 시그모이드, 은닉 유닛 2개).",
    "fw_start_header": "출발: 네 입력",
    "fw_start_text": "X는 네 입력을 행으로 담은 배치입니다 (강의와 같습니다). 정답은 y = 0, 1, 1, 0입니다. "
    "여기 그린 입력 평면의 격자가 아래의 모든 단계에서 점들과 함께 움직입니다. "
    "은닉 유닛마다 z1이 0이 되는 직선이 있습니다 (이 범위를 지나면 점선으로 그립니다). 각 유닛은 점이 자기 직선의 "
    "어느 쪽에, 얼마나 멀리 있는지를 잽니다.",
    "fw_units_label": "그릴 은닉 유닛",
    "fw_unit_x": "가로축",
    "fw_unit_y": "세로축",
    "fw_unit": "유닛 {i}",
    "fw_units_note": "은닉 유닛이 {n}개라서 그림마다 그중 두 개를 보여 줍니다 (위에서 고르세요).",
    "fw_one_unit_note": "은닉 유닛이 하나뿐이라 그림에서는 그 유닛의 값을 한 직선 위에 놓습니다.",
    "fw_values": "값",
    "fw_equation": "숫자를 넣은 수식",
    "fw_step1": "1단계 · Linear 1: z₁ = x W₁ᵀ + b₁",
    "fw_step2": "2단계 · 활성화: h₁ = f(z₁)",
    "fw_step3": "3단계 · Linear 2: z₂ = h₁ W₂ᵀ + b₂",
    "fw_step4": "4단계 · 출력: y_pred = σ(z₂)",
    "fw_step5": "5단계 · Loss: 이진 교차 엔트로피",
    "fw_more1": "은닉 유닛마다 두 입력의 가중합에 편향을 더합니다. 기하학적으로 Linear 1은 평면의 아핀 변환입니다. "
    "격자를 늘리고, 회전시키고, 기울이고, 옮기지만 직선은 직선으로, 평행선은 평행선으로 남습니다. 그래서 이 단계만으로는 "
    "XOR의 점들을 나눌 수 없습니다.",
    "fw_more1_one": "은닉 유닛 하나가 두 입력의 가중합에 편향을 더합니다. 기하학적으로 Linear 1은 평면을 직선 하나 위로 "
    "보냅니다. 점마다 숫자 z1 하나를 얻고, z1 = 0과 평행한 직선 위의 점들은 모두 같은 값이 되므로, 평면은 회전하는 것이 "
    "아니라 납작하게 눌립니다. 그래서 이 단계만으로는 XOR의 점들을 나눌 수 없습니다.",
    "fw_more1_many": "은닉 유닛 {n}개가 각각 두 입력의 가중합에 편향을 더합니다. 기하학적으로 Linear 1은 평면을 "
    "{n}차원 공간으로 보내는 아핀 변환입니다 (그림마다 그중 두 축을 보여 줍니다). 직선은 직선으로, 평행선은 평행선으로 "
    "남습니다. 그래서 이 단계만으로는 XOR의 점들을 나눌 수 없습니다.",
    "fw_more2_sigmoid": "활성화 함수는 숫자 하나하나에 따로 적용되며, 공간을 휘게 하는 유일한 단계입니다 (출력 "
    "시그모이드도 비선형이지만 단조 함수라 경계 z2 = 0, y_pred = 0.5를 옮기지 않습니다). 시그모이드는 격자선을 "
    "부드럽게 휘게 하고 모든 좌표를 (0, 1) 안으로 압축해, 멀리 있는 영역을 가장자리로 밀어붙입니다.",
    "fw_more2_tanh": "활성화 함수는 숫자 하나하나에 따로 적용되며, 공간을 휘게 하는 유일한 단계입니다 (출력 "
    "시그모이드도 비선형이지만 단조 함수라 경계 z2 = 0, y_pred = 0.5를 옮기지 않습니다). tanh는 격자선을 부드럽게 "
    "휘게 하고 모든 좌표를 (−1, 1) 안으로 압축합니다.",
    "fw_more2_relu": "활성화 함수는 숫자 하나하나에 따로 적용되며, 공간을 휘게 하는 유일한 단계입니다 (출력 "
    "시그모이드도 비선형이지만 단조 함수라 경계 z2 = 0, y_pred = 0.5를 옮기지 않습니다). ReLU는 음수 쪽을 평평하게 "
    "눌러 버립니다. z1 < 0은 모두 0이 되어, 음수 좌표가 있는 점은 축 위로 눌리고 그곳에서 서로의 차이를 잃습니다. "
    "양수 쪽은 그대로 둡니다. 공간은 부드럽게가 아니라 축에서 꺾이며, 접히지는 않습니다 (|z|라면 접힙니다).",
    "fw_more2_leaky_relu": "활성화 함수는 숫자 하나하나에 따로 적용되며, 공간을 휘게 하는 유일한 단계입니다 (출력 "
    "시그모이드도 비선형이지만 단조 함수라 경계 z2 = 0, y_pred = 0.5를 옮기지 않습니다). leaky ReLU는 z1 < 0에 "
    "0.01을 곱합니다. 음수 쪽은 납작해지지 않고 백 분의 일로 줄어들며, 공간은 부드럽게가 아니라 축에서 꺾입니다.",
    "fw_more2_identity": "항등 함수는 아무것도 휘게 하지 않습니다. 격자는 곧은 채로 남고, 신경망 전체가 선형이라 "
    "XOR을 풀 수 없습니다.",
    "fw_more3": "출력 유닛은 은닉값의 가중합을 구합니다. h1 평면에서 z2 = 0인 점들은 직선 하나를 이룹니다. "
    "한쪽은 z2 > 0(예측 0.5 초과), 다른 쪽은 z2 < 0입니다.",
    "fw_more3_one": "출력 유닛은 은닉값 하나의 가중합을 구합니다. z2 = w·h + b2는 문턱값 h = −b2 / w 하나에서 0이고, "
    "한쪽은 z2 > 0(예측 0.5 초과), 다른 쪽은 z2 < 0입니다.",
    "fw_train_bent": "학습은 휘어진 격자와 이 직선을 움직여 1과 0을 서로 다른 쪽에 놓으려 합니다 (이 실행이 "
    "거기에 이르는지는 학습 곡선 페이지가 보여 줍니다).",
    "fw_train_identity": "학습은 이 직선을 움직일 수 있지만 격자를 휘게 하는 것이 없습니다. 네 점은 XOR의 배치(정사각형의 "
    "아핀 변환)를 그대로 유지하고, 어떤 직선도 둘을 나누지 못합니다.",
    "fw_more4": "시그모이드가 z2를 0과 1 사이의 확률로 바꿉니다. z2 = 0은 정확히 0.5가 되고, 0.5보다 크면 '1로 "
    "예측'입니다. 학습 전 신경망의 예측이며, 네 개 중 {right}개가 "
    "정답과 {tol} 이내에 있습니다.",
    "fw_more5": "이진 교차 엔트로피는 정답에 준 확률로 예측을 채점합니다. 정답이 1이면 −log(y_pred), 0이면 "
    "−log(1 − y_pred). 자신 있게 틀리면 크게 벌점을 받습니다. loss L은 네 행의 평균이며, 학습이 줄여 나갈 바로 그 "
    "숫자입니다 (역전파가 그 기울기를 구하고, 옵티마이저의 한 걸음이 파라미터를 기울기 반대쪽으로 옮깁니다).",
    "fw_loss_metric": "loss L (입력 4개로 된 배치 하나)",
    "fw_row_loss": "입력 {row}의 loss 항",
}
