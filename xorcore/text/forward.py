"""Text of the forward page, and of the chart builders in xorcore/views/ (planes, boundary, latex, tables ...) (keys ch_*)."""

EN: dict[str, str] = {
    # ---- charts (xorcore/views/)
    "ch_x1": "x₁ (first input)",
    "ch_x2": "x₂ (second input)",
    "ch_target": "target",
    "ch_input": "input",
    "ch_y_pred": "y_pred (prediction)",
    "ch_boundary_title": "Decision boundary on the input plane",
    "ch_boundary_sub": "colour = prediction; black line = where it crosses 0.5",
    "ch_boundary_desc": "Heatmap of the network's prediction over the input plane from -0.5 to 1.5 "
    "and the four XOR inputs coloured by their target.",
    "ch_boundary_sub_none": "colour = prediction; it never crosses 0.5 here",
    "ch_boundary_line": "The black line is where the prediction crosses 0.5.",
    "ch_boundary_none_above": "Nowhere in this window does the prediction cross 0.5 (it stays between {lo} and "
    "{hi}), so there is no black line: the whole plane is predicted 1.",
    "ch_boundary_none_below": "Nowhere in this window does the prediction cross 0.5 (it stays between {lo} and "
    "{hi}), so there is no black line: the whole plane is predicted 0.",
    "ch_boundary_nan": "The prediction is not a finite number here, so no black line can be drawn.",
    "ch_plane_input": "Input plane (x)",
    "ch_plane_input_desc": "The four XOR inputs and a square grid on the input plane.",
    "ch_unit_lines_drawn": "Dashed: the line z1 = 0 of hidden unit(s) {units}.",
    "ch_unit_lines_outside": "The line z1 = 0 of hidden unit(s) {units} lies outside this window, so it is not "
    "drawn: all four inputs are on one side of it.",
    "ch_plane_z1": "After Linear 1 (z1 plane)",
    "ch_plane_z1_desc": "The four inputs and the input plane's grid after Linear 1: "
    "the grid is stretched, rotated and shifted but its lines stay straight.",
    "ch_plane_h1": "After the activation (h1 plane)",
    "ch_plane_h1_desc": "The four inputs and the input plane's grid after the activation.",
    "ch_h1_grid_sigmoid": "Sigmoid bends the grid lines and squeezes them into (0, 1) in every coordinate.",
    "ch_h1_grid_tanh": "tanh bends the grid lines and squeezes them into (−1, 1) in every coordinate.",
    "ch_h1_grid_relu": "ReLU clamps every negative coordinate to 0: where a unit is negative the grid is pressed "
    "flat onto an axis, and a grid line kinks where it crosses one; elsewhere it stays straight.",
    "ch_h1_grid_leaky_relu": "Leaky ReLU multiplies every negative coordinate by 0.01: a grid line kinks where it "
    "crosses an axis, and the negative side is squashed a hundredfold, not flattened.",
    "ch_h1_grid_identity": "The identity changes nothing: this is the z1 plane again, and every grid line stays "
    "straight.",
    "ch_h1_line_drawn": "The dashed green line is where the output layer's z2 is 0 (y_pred = 0.5).",
    "ch_h1_line_outside": "The output layer's line z2 = 0 (y_pred = 0.5) lies outside this plot's range, so it "
    "is not drawn: all four points are on one side of it.",
    "ch_h1_line_drawn_one": "The dashed green line marks the threshold h = −b2 / w where z2 = 0 (y_pred = 0.5).",
    "ch_h1_line_outside_one": "The output's threshold z2 = 0 (y_pred = 0.5) lies outside this plot's range, so it "
    "is not drawn: all four points are on one side of it.",
    "ch_z_axis": "z1, unit {unit}",
    "ch_h_axis": "h1, unit {unit}",
    "ch_one_unit": "One hidden unit: its value is plotted on a line.",
    "ch_two_of": "Hidden units {a} and {b} of {n}.",
    "ch_others_mean": "The output line holds the other units at their mean over the four inputs.",
    "ch_others_mean_short": "Output line: other units at their mean.",
    "ch_out_line": "output line w2·h + b2 = 0",
    "ch_unit_line": "unit {unit}: z1 = 0",
    "ch_lines": "lines",
    "ch_output_title": "Output: y_pred on a 0..1 axis",
    "ch_output_desc": "The four predictions on a line from 0 to 1 with the 0.5 threshold; "
    "each point is coloured by its target.",
    "ch_side0": "predicts 0 (< 0.5)",
    "ch_side1": "predicts 1 (> 0.5)",
    "ch_threshold": "threshold 0.5",
    "ch_act_title": "Activation {name} and its derivative",
    "ch_act_desc": "The hidden activation {name} f(z) and its derivative f'(z) for z from -6 to 6.",
    "ch_act_f": "f(z)",
    "ch_act_df": "f'(z) (derivative)",
    "ch_z": "z (input of the activation)",
    "ch_value": "value",
    "ch_dead_zone": "dead zone: gradient 0",
    "ch_xor_title": "XOR on the plane",
    "ch_xor_desc": "The four XOR inputs at the corners of the unit square; "
    "(0,1) and (1,0) have target 1, (0,0) and (1,1) have target 0.",
    "ch_loss_term": "loss term ℓ",
    "ch_loss_mean": "dashed line: the loss L = mean of the four = {loss:.4f}",
    "ch_loss_title": "Loss: each input's term",
    "ch_loss_desc": "One bar per input: its cross-entropy term, the larger the more wrong the prediction; "
    "the dashed line is their mean, the loss L.",
    "ch_col_param": "parameter",
    "ch_col_initial": "initial",
    "ch_col_trained": "trained",
    "ch_col_change": "change",
    "ch_col_right": "correct?",
    "ch_yes": "yes",
    "ch_no": "no",
    "ch_col_class": "predicts",
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
    "ch_col_x1": "x₁",
    "ch_col_x2": "x₂",
    "ch_col_z": "z1 ({unit})",
    "ch_col_h": "h1 ({unit})",
    "ch_col_pred0_short": "y_pred (start)",
    "ch_col_pred_short": "y_pred (trained)",
    "ch_chosen": "chosen input",
}

KO: dict[str, str] = {
    # ---- charts (xorcore/views/)
    "ch_x1": "x₁ (첫 번째 입력)",
    "ch_x2": "x₂ (두 번째 입력)",
    "ch_target": "정답",
    "ch_input": "입력",
    "ch_y_pred": "y_pred (예측값)",
    "ch_boundary_title": "입력 평면 위의 결정 경계",
    "ch_boundary_sub": "색 = 예측값, 검은 선 = 예측값이 0.5를 지나는 곳",
    "ch_boundary_desc": "-0.5부터 1.5까지의 입력 평면에서 신경망 예측값을 색으로 칠한 히트맵과 "
    "정답에 따라 색을 칠한 XOR 입력 네 개.",
    "ch_boundary_sub_none": "색 = 예측값, 여기서는 0.5를 지나지 않음",
    "ch_boundary_line": "검은 선은 예측값이 0.5를 지나는 곳입니다.",
    "ch_boundary_none_above": "이 범위 어디에서도 예측값이 0.5를 지나지 않아({lo}에서 {hi} 사이) 검은 선이 "
    "없습니다: 평면 전체의 예측 클래스가 1입니다.",
    "ch_boundary_none_below": "이 범위 어디에서도 예측값이 0.5를 지나지 않아({lo}에서 {hi} 사이) 검은 선이 "
    "없습니다: 평면 전체의 예측 클래스가 0입니다.",
    "ch_boundary_nan": "예측값이 유한한 수가 아니어서 검은 선을 그릴 수 없습니다.",
    "ch_plane_input": "입력 평면 (x)",
    "ch_plane_input_desc": "XOR 입력 네 개와 입력 평면의 격자.",
    "ch_unit_lines_drawn": "점선: 은닉 유닛 {units}의 직선 z1 = 0.",
    "ch_unit_lines_outside": "은닉 유닛 {units}의 직선 z1 = 0은 이 범위 밖에 있어 그리지 않았습니다. 네 입력이 모두 "
    "그 직선의 한쪽에 있습니다.",
    "ch_plane_z1": "Linear 1 이후 (z1 평면)",
    "ch_plane_z1_desc": "Linear 1을 지난 네 입력과 입력 평면의 격자: 격자가 늘어나고 회전되고 이동하지만 "
    "직선은 여전히 직선입니다.",
    "ch_plane_h1": "활성화 이후 (h1 평면)",
    "ch_plane_h1_desc": "활성화 함수를 지난 네 입력과 입력 평면의 격자.",
    "ch_h1_grid_sigmoid": "시그모이드는 격자선을 휘게 하고, 모든 좌표를 (0, 1) 안으로 눌러 담습니다.",
    "ch_h1_grid_tanh": "tanh는 격자선을 휘게 하고, 모든 좌표를 (−1, 1) 안으로 눌러 담습니다.",
    "ch_h1_grid_relu": "ReLU는 음수 좌표를 모두 0으로 만듭니다. 유닛이 음수인 곳에서는 격자가 축 위로 납작하게 눌리고, "
    "격자선은 축을 지나는 곳에서 꺾입니다. 나머지 곳에서는 곧은 채로 남습니다.",
    "ch_h1_grid_leaky_relu": "leaky ReLU는 음수 좌표에 0.01을 곱합니다. 격자선은 축을 지나는 곳에서 꺾이고, 음수 쪽은 "
    "납작해지지 않고 백 분의 일로 줄어듭니다.",
    "ch_h1_grid_identity": "항등 함수는 아무것도 바꾸지 않습니다. z1 평면 그대로이며 격자선은 모두 곧습니다.",
    "ch_h1_line_drawn": "초록 점선은 출력층의 z2가 0(y_pred = 0.5)이 되는 직선입니다.",
    "ch_h1_line_outside": "출력층의 직선 z2 = 0(y_pred = 0.5)은 이 그림의 범위 밖에 있어 그리지 않았습니다. 네 점이 "
    "모두 그 직선의 한쪽에 있습니다.",
    "ch_h1_line_drawn_one": "초록 점선은 z2 = 0(y_pred = 0.5)이 되는 문턱값 h = −b2 / w입니다.",
    "ch_h1_line_outside_one": "출력의 문턱값 z2 = 0(y_pred = 0.5)은 이 그림의 범위 밖에 있어 그리지 않았습니다. 네 "
    "점이 모두 그 한쪽에 있습니다.",
    "ch_z_axis": "z1, 유닛 {unit}",
    "ch_h_axis": "h1, 유닛 {unit}",
    "ch_one_unit": "은닉 유닛이 하나뿐이라 그 값을 한 직선 위에 그립니다.",
    "ch_two_of": "은닉 유닛 {n}개 중 {a}번과 {b}번.",
    "ch_others_mean": "출력 직선은 나머지 유닛을 네 입력에 대한 평균값으로 고정해 그렸습니다.",
    "ch_others_mean_short": "출력 직선: 나머지 유닛은 평균값으로 고정.",
    "ch_out_line": "출력 직선 w2·h + b2 = 0",
    "ch_unit_line": "유닛 {unit}: z1 = 0",
    "ch_lines": "직선",
    "ch_output_title": "출력: 0..1 축 위의 y_pred",
    "ch_output_desc": "0부터 1까지의 직선 위에 놓은 네 예측값과 0.5 기준선. 각 점의 색은 정답입니다.",
    "ch_side0": "0으로 예측 (< 0.5)",
    "ch_side1": "1로 예측 (> 0.5)",
    "ch_threshold": "기준 0.5",
    "ch_act_title": "활성화 함수 {name}와 그 도함수",
    "ch_act_desc": "은닉층 활성화 함수 {name}의 f(z)와 도함수 f'(z), z는 -6부터 6까지.",
    "ch_act_f": "f(z)",
    "ch_act_df": "f'(z) (도함수)",
    "ch_z": "z (활성화 함수의 입력)",
    "ch_value": "값",
    "ch_dead_zone": "죽은 구간: 기울기 0",
    "ch_xor_title": "평면 위의 XOR",
    "ch_xor_desc": "단위 정사각형의 네 꼭짓점에 놓인 XOR 입력. (0,1)과 (1,0)의 정답은 1, "
    "(0,0)과 (1,1)의 정답은 0입니다.",
    "ch_loss_term": "loss 항 ℓ",
    "ch_loss_mean": "점선: loss L = 네 항의 평균 = {loss:.4f}",
    "ch_loss_title": "Loss: 입력마다의 항",
    "ch_loss_desc": "입력마다 막대 하나: 교차 엔트로피 항으로, 예측이 틀릴수록 길어집니다. "
    "점선은 그 평균, 곧 loss L입니다.",
    "ch_col_param": "파라미터",
    "ch_col_initial": "초기값",
    "ch_col_trained": "학습 후",
    "ch_col_change": "변화량",
    "ch_col_right": "맞음?",
    "ch_yes": "예",
    "ch_no": "아니오",
    "ch_col_class": "예측 클래스",
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
    "부드럽게 휘게 하고 모든 좌표를 (0, 1) 안으로 눌러 담아, 멀리 있는 영역을 가장자리로 밀어붙입니다.",
    "fw_more2_tanh": "활성화 함수는 숫자 하나하나에 따로 적용되며, 공간을 휘게 하는 유일한 단계입니다 (출력 "
    "시그모이드도 비선형이지만 단조 함수라 경계 z2 = 0, y_pred = 0.5를 옮기지 않습니다). tanh는 격자선을 부드럽게 "
    "휘게 하고 모든 좌표를 (−1, 1) 안으로 눌러 담습니다.",
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
    "fw_loss_metric": "Loss L (배치 4개)",
    "fw_row_loss": "입력 {row}의 loss 항",
    "ch_col_x1": "x₁",
    "ch_col_x2": "x₂",
    "ch_col_z": "z1 ({unit})",
    "ch_col_h": "h1 ({unit})",
    "ch_col_pred0_short": "y_pred (학습 전)",
    "ch_col_pred_short": "y_pred (학습 후)",
    "ch_chosen": "고른 입력",
}
