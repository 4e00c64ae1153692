"""Text of the forward page, and of the chart builders in xorcore/charts.py (keys ch_*)."""

EN: dict[str, str] = {
    # ---- charts (xorcore/charts.py)
    "ch_x1": "x₁ (first input)",
    "ch_x2": "x₂ (second input)",
    "ch_target": "target",
    "ch_input": "input",
    "ch_y_pred": "y_pred (prediction)",
    "ch_boundary_title": "Decision boundary on the input plane",
    "ch_boundary_sub": "colour = prediction; black line = where it crosses 0.5",
    "ch_boundary_desc": "Heatmap of the network's prediction over the input plane from -0.5 to 1.5, "
    "the 0.5 contour as a black line, and the four XOR inputs coloured by their target.",
    "ch_plane_input": "Input plane (x)",
    "ch_plane_input_desc": "The four XOR inputs and a square grid on the input plane, "
    "with the line where each shown hidden unit's z1 is 0.",
    "ch_plane_z1": "After Linear 1 (z1 plane)",
    "ch_plane_z1_desc": "The four inputs and the input plane's grid after Linear 1: "
    "the grid is stretched, rotated and shifted but its lines stay straight.",
    "ch_plane_h1": "After the activation (h1 plane)",
    "ch_plane_h1_desc": "The four inputs and the input plane's grid after the activation: "
    "the grid is bent; the dashed green line is where the output layer's z2 is 0 (y_pred = 0.5).",
    "ch_z_axis": "z1, unit {unit}",
    "ch_h_axis": "h1, unit {unit}",
    "ch_zero_axis": "(one unit: plotted against 0)",
    "ch_one_unit": "One hidden unit: its value is plotted on a line.",
    "ch_two_of": "Showing hidden units {a} and {b} of {n}.",
    "ch_others_mean": "The output line holds the other units at their mean over the four inputs.",
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
}

KO: dict[str, str] = {
    # ---- charts (xorcore/charts.py)
    "ch_x1": "x₁ (첫 번째 입력)",
    "ch_x2": "x₂ (두 번째 입력)",
    "ch_target": "정답",
    "ch_input": "입력",
    "ch_y_pred": "y_pred (예측값)",
    "ch_boundary_title": "입력 평면 위의 결정 경계",
    "ch_boundary_sub": "색 = 예측값, 검은 선 = 예측값이 0.5를 지나는 곳",
    "ch_boundary_desc": "-0.5부터 1.5까지의 입력 평면에서 신경망 예측값을 색으로 칠한 히트맵, "
    "0.5 등고선(검은 선), 그리고 정답에 따라 색을 칠한 XOR 입력 네 개.",
    "ch_plane_input": "입력 평면 (x)",
    "ch_plane_input_desc": "XOR 입력 네 개와 입력 평면의 격자, 그리고 표시한 은닉 유닛의 z1이 0이 되는 직선.",
    "ch_plane_z1": "Linear 1 이후 (z1 평면)",
    "ch_plane_z1_desc": "Linear 1을 지난 네 입력과 입력 평면의 격자: 격자가 늘어나고 회전하고 이동하지만 "
    "직선은 여전히 직선입니다.",
    "ch_plane_h1": "활성화 이후 (h1 평면)",
    "ch_plane_h1_desc": "활성화 함수를 지난 네 입력과 입력 평면의 격자: 격자가 휘어집니다. "
    "초록 점선은 출력층의 z2가 0(y_pred = 0.5)이 되는 직선입니다.",
    "ch_z_axis": "z1, 유닛 {unit}",
    "ch_h_axis": "h1, 유닛 {unit}",
    "ch_zero_axis": "(유닛 하나: 0에 대해 그림)",
    "ch_one_unit": "은닉 유닛이 하나뿐이라 그 값을 한 직선 위에 그립니다.",
    "ch_two_of": "은닉 유닛 {n}개 중 {a}번과 {b}번을 보여 줍니다.",
    "ch_others_mean": "출력 직선은 나머지 유닛을 네 입력에 대한 평균값으로 고정해 그렸습니다.",
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
}
