"""Text of the signal's path on the network (views.flow), keys prefixed fl_."""

EN = {
    "fl_target": "this step's gradient",
    "fl_upstream": "upstream gradient",
    "fl_local": "local derivative",
    "fl_value": "the value it multiplies",
    "fl_f_target": "this step computes",
    "fl_f_value": "from",
    "fl_f_local": "through",
    "fl_todo": "still to come",
    "fl_back_note": "On the nodes: ∂L/∂(value), one number per input {rows}; on the edges: ∂L/∂(weight). The arrows "
    "point the way the signal travels: from the loss back to the inputs.",
    "fl_back_note_row": "On the nodes: ∂L/∂(value) of input {row}; on the edges: input {row}'s share of ∂L/∂(weight).",
    "fl_fwd_note": "On the nodes: the values, one number per input {rows}; on the edges: the weights and biases.",
    "fl_fwd_note_row": "On the nodes: the values of input {row}; on the edges: the weights and biases.",
    "fl_compact": "Hidden units 1 and 2 drawn; units 3 to {n} summed up in one node (their numbers are in the tables).",
    "fl_compact_one": "Hidden units 1 and 2 drawn; unit 3 in one node with no numbers (its numbers are in the tables).",
    "fl_alt_back": "The network with the gradients computed so far; step {k}'s gradient highlighted.",
    "fl_alt_fwd": "The network with the values computed so far; the layer of step {k} highlighted.",
}

KO = {
    "fl_target": "이번 단계의 기울기",
    "fl_upstream": "위에서 내려온 기울기(upstream)",
    "fl_local": "국소 미분(local)",
    "fl_value": "곱해지는 값",
    "fl_f_target": "이번 단계가 계산하는 값",
    "fl_f_value": "입력",
    "fl_f_local": "거치는 함수",
    "fl_todo": "아직 계산 전",
    "fl_back_note": "노드 위의 숫자는 ∂L/∂(값)으로 입력마다 하나씩 {rows} 순서이고, 간선 위의 숫자는 ∂L/∂(가중치)입니다. "
    "화살표는 신호가 가는 방향, 즉 loss에서 입력 쪽으로 거꾸로 향합니다.",
    "fl_back_note_row": "노드 위의 숫자는 입력 {row}의 ∂L/∂(값)이고, 간선 위의 숫자는 ∂L/∂(가중치) 중 입력 {row}의 몫입니다.",
    "fl_fwd_note": "노드 위의 숫자는 값으로 입력마다 하나씩 {rows} 순서이고, 간선 위의 숫자는 가중치와 편향입니다.",
    "fl_fwd_note_row": "노드 위의 숫자는 입력 {row}의 값이고, 간선 위의 숫자는 가중치와 편향입니다.",
    "fl_compact": "은닉 유닛 1, 2만 그리고, 3~{n}번 유닛은 노드 하나로 묶었습니다(숫자는 표에 있습니다).",
    "fl_compact_one": "은닉 유닛 1, 2만 그리고, 3번 유닛은 숫자 없이 노드 하나로 그렸습니다(숫자는 표에 있습니다).",
    "fl_alt_back": "지금까지 계산한 기울기가 적힌 신경망. {k}단계의 기울기가 강조되어 있습니다.",
    "fl_alt_fwd": "지금까지 계산한 값이 적힌 신경망. {k}단계의 층이 강조되어 있습니다.",
}
