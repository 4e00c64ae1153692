"""Text of the questions asked before a step (xorcore/quiz.py) and of their boxes (app_pages/_quiz.py)."""

EN = {
    "sb_quiz": "Questions before the steps",
    "sb_quiz_help": "Before some steps a question to answer first; the step opens once it is answered. In "
    "presentation mode the question is a slide of its own: PageDown shows the answer, PageDown again the step.",
    "qz_title": "Predict first",
    "qz_choose": "Your answer",
    "qz_check": "Check",
    "qz_show": "Show me",
    "qz_right": "Right.",
    "qz_wrong": "Not quite: the answer is {answer}.",
    "qz_shown": "The answer: {answer}.",
    "qz_score": "This session: {n} of {m} right",
    "qz_folded": "Answer the question above (or press Show me) to open this step.",
    "qz_slide_hint": "Ask the room · PageDown shows the answer",
    "qz_slide_answer": "Answer: {answer}",
    "qz_plain": "{text}",
    "qz_yes": "Yes",
    "qz_no": "No",
    "qz_positive": "positive",
    "qz_negative": "negative",
    "qz_larger": "larger",
    "qz_smaller": "smaller",
    "qz_slope_ask": "Backprop multiplies by the activation's slope f′(z) at every hidden unit. What slope does "
    "PyTorch's autograd give {act} at exactly z = 0?",
    "qz_slope_why": "autograd of {act} at z = 0 gives f′(0) = {slope}: {rule}",
    "qz_slope_rule_sigmoid": "σ′(z) = σ(z)(1 − σ(z)) = 0.5 · 0.5, its largest value; backprop through a sigmoid "
    "always shrinks the signal.",
    "qz_slope_rule_tanh": "tanh′(z) = 1 − tanh²(z) = 1 − 0, its largest value.",
    "qz_slope_rule_relu": "ReLU has no derivative at 0, and PyTorch takes the left one, 0: a unit whose z is 0 or "
    "below passes no gradient back.",
    "qz_slope_rule_leaky_relu": "leaky ReLU has no derivative at 0, and PyTorch takes the left one, the negative "
    "slope 0.01.",
    "qz_slope_rule_identity": "f(z) = z has slope 1 everywhere.",
    "qz_above_ask": "Step 4 turns z₂ into ŷ = σ(z₂). For how many of the four inputs does this untrained net give "
    "ŷ above 0.5?",
    "qz_above_why": "ŷ = {preds}: {k} of them lie above 0.5.",
    "qz_term_ask": "Each input adds −[y log ŷ + (1 − y) log(1 − ŷ)] to the loss. Which input's term is the largest?",
    "qz_term_why": "For {row} the net gives ŷ = {pred} where the target is {target}: its term is {term}, the largest "
    "(the others: {others}). The further ŷ lies from its target, the larger its term.",
    "qz_w2_ask": "What sign will dL/dW₂ have for hidden unit {unit}?",
    "qz_w2_why": "dL/dW₂ ({unit}) = Σ dL/dz₂ · h₁ = {terms} = {value}.",
    "qz_layers_ask": "Will the first layer's weight gradient dL/dW₁ be larger or smaller than the second layer's "
    "dL/dW₂ (their sizes ‖·‖)?",
    "qz_layers_why": "‖dL/dW₁‖ = {a} and ‖dL/dW₂‖ = {b}. On its way back to layer 1 the gradient is multiplied by "
    "W₂ ({w2}) and by f′(z₁), at most {slope} here.",
    "qz_largest_ask": "Which tensor holds the parameter with the largest gradient |dL/dθ|?",
    "qz_largest_why": "The largest is {name} = {value}; the largest of each other tensor: {rest}.",
    "qz_step_ask": "One manual step θ ← θ − η·∇L with η = {eta}, biases too. Will the loss, {loss} now, go down?",
    "qz_step_why_down": "With η = {eta} the loss goes from {before} down to {after}: a step this size still follows "
    "the slope downhill.",
    "qz_step_why_up": "With η = {eta} the loss goes from {before} up to {after}: the gradient only holds near θ, and "
    "a step this long goes past the valley.",
    "qz_twice_ask": "Leave out optimizer.zero_grad() and run the loop twice (forward, loss, backward, step). After "
    "the second loss.backward(), what does each .grad hold?",
    "qz_twice_second": "only the second pass's gradient",
    "qz_twice_sum": "the sum of both passes' gradients",
    "qz_twice_mean": "the mean of the two",
    "qz_twice_first": "still the first pass's gradient",
    "qz_twice_why": "{entry}.grad = {total}: the first pass gave {first}, the second {second}, and {first} + "
    "{second} = {both}.",
    "qz_curve_ask": "Train {n} epochs twice from the same start, once with optimizer.zero_grad() and once without. "
    "Which run ends with the lower loss?",
    "qz_curve_with": "with zero_grad",
    "qz_curve_without": "without zero_grad",
    "qz_curve_why": "After {n} epochs the loss is {a} with zero_grad and {b} without it.",
    "qz_learns_ask": "Seed {seed}, {epochs} epochs, learning rate {lr}: will this run learn XOR?",
    "qz_learns_why": "After {epochs} epochs ŷ = {preds}: {k} of the 4 lie within {tol} of their targets, and all 4 "
    "must.",
    "qz_learns_why_diverged": "The run diverged at epoch {epoch}: its loss stopped being a number.",
    "qz_worst_ask": "{n} seeds per activation, {epochs} epochs, {opt} at learning rate {lr}: which activation fails "
    "most often?",
    "qz_worst_count": "{act} {fails} of {n}",
    "qz_worst_why": "Runs that failed: {counts}.",
}

KO = {
    "sb_quiz": "단계마다 먼저 묻기",
    "sb_quiz_help": "몇몇 단계 앞에 먼저 답할 질문이 나오고, 답하면 그 단계가 열립니다. 발표 모드에서는 질문이 "
    "슬라이드 한 장이 되어, PageDown을 누르면 답이, 한 번 더 누르면 그 단계가 나옵니다.",
    "qz_title": "먼저 예측해 보기",
    "qz_choose": "내 답",
    "qz_check": "확인",
    "qz_show": "답 보기",
    "qz_right": "맞았습니다.",
    "qz_wrong": "아쉽네요. 답은 {answer}입니다.",
    "qz_shown": "답: {answer}",
    "qz_score": "이번 세션: {m}문제 중 {n}개 정답",
    "qz_folded": "위 질문에 답하면(또는 '답 보기'를 누르면) 이 단계가 열립니다.",
    "qz_slide_hint": "청중에게 물어보세요 · PageDown을 누르면 답이 나옵니다",
    "qz_slide_answer": "답: {answer}",
    "qz_plain": "{text}",
    "qz_yes": "예",
    "qz_no": "아니요",
    "qz_positive": "양수",
    "qz_negative": "음수",
    "qz_larger": "더 크다",
    "qz_smaller": "더 작다",
    "qz_slope_ask": "역전파는 은닉 유닛마다 활성화 함수의 기울기 f′(z)를 곱합니다. PyTorch의 autograd는 정확히 "
    "z = 0에서 {act}의 기울기를 얼마로 줄까요?",
    "qz_slope_why": "z = 0에서 {act}의 autograd 값은 f′(0) = {slope}입니다. {rule}",
    "qz_slope_rule_sigmoid": "σ′(z) = σ(z)(1 − σ(z)) = 0.5 · 0.5로, 이것이 가장 큰 값입니다. 그래서 시그모이드를 "
    "지날 때마다 신호는 줄어듭니다.",
    "qz_slope_rule_tanh": "tanh′(z) = 1 − tanh²(z) = 1 − 0으로, 이것이 가장 큰 값입니다.",
    "qz_slope_rule_relu": "ReLU는 0에서 미분할 수 없는데, PyTorch는 왼쪽 미분값 0을 씁니다. z가 0 이하인 유닛은 "
    "기울기를 전혀 돌려보내지 않습니다.",
    "qz_slope_rule_leaky_relu": "leaky ReLU는 0에서 미분할 수 없는데, PyTorch는 왼쪽 미분값인 음수 쪽 기울기 "
    "0.01을 씁니다.",
    "qz_slope_rule_identity": "f(z) = z는 어디서나 기울기가 1입니다.",
    "qz_above_ask": "4단계에서 z₂는 ŷ = σ(z₂)가 됩니다. 아직 학습하지 않은 이 신경망은 네 입력 가운데 몇 개에서 ŷ를 "
    "0.5보다 크게 내놓을까요?",
    "qz_above_why": "ŷ = {preds}. 0.5보다 큰 것은 {k}개입니다.",
    "qz_term_ask": "입력마다 loss에 −[y log ŷ + (1 − y) log(1 − ŷ)]이 더해집니다. 이 항이 가장 큰 입력은 어느 것일까요?",
    "qz_term_why": "{row}에서 정답은 {target}인데 신경망은 ŷ = {pred}(을)를 내놓으므로, 항이 {term}(으)로 가장 큽니다"
    "(나머지: {others}). ŷ가 정답에서 멀수록 항이 커집니다.",
    "qz_w2_ask": "은닉 유닛 {unit}의 dL/dW₂는 부호가 어떨까요?",
    "qz_w2_why": "dL/dW₂ ({unit}) = Σ dL/dz₂ · h₁ = {terms} = {value}입니다.",
    "qz_layers_ask": "첫 번째 층의 가중치 기울기 dL/dW₁은 둘째 층의 dL/dW₂보다 클까요, 작을까요? (크기 ‖·‖로 비교)",
    "qz_layers_why": "‖dL/dW₁‖ = {a}, ‖dL/dW₂‖ = {b}입니다. 기울기는 첫 번째 층으로 돌아가면서 W₂({w2})와 "
    "f′(z₁)(여기서는 많아야 {slope})가 곱해집니다.",
    "qz_largest_ask": "기울기 크기 |dL/dθ|가 가장 큰 파라미터는 어느 텐서에 있을까요?",
    "qz_largest_why": "가장 큰 것은 {name} = {value}입니다. 다른 텐서마다 가장 큰 값은 {rest}입니다.",
    "qz_step_ask": "η = {eta}(으)로 θ ← θ − η·∇L을 한 번 직접 적용합니다(편향 포함). 지금 {loss}인 loss가 줄어들까요?",
    "qz_step_why_down": "η = {eta}이면 loss가 {before}에서 {after}(으)로 줄어듭니다. 이 정도 스텝 크기는 아직 비탈을 따라 "
    "내려갑니다.",
    "qz_step_why_up": "η = {eta}이면 loss가 {before}에서 {after}(으)로 오히려 커집니다. 기울기는 θ 가까이에서만 맞는데, "
    "이만큼 긴 스텝 크기는 골짜기를 지나쳐 버립니다.",
    "qz_twice_ask": "optimizer.zero_grad()를 빼고 반복문을 두 번 돌립니다(순전파, loss, 역전파, step). 두 번째 "
    "loss.backward() 뒤에 각 .grad에는 무엇이 들어 있을까요?",
    "qz_twice_second": "두 번째에 계산한 기울기만",
    "qz_twice_sum": "두 번 계산한 기울기의 합",
    "qz_twice_mean": "두 기울기의 평균",
    "qz_twice_first": "여전히 첫 번째 기울기",
    "qz_twice_why": "{entry}.grad = {total}입니다. 첫 번째 역전파가 {first}, 두 번째가 {second}(을)를 냈고, "
    "{first} + {second} = {both}입니다.",
    "qz_curve_ask": "같은 시작점에서 {n} 에폭을 두 번 학습합니다. 한 번은 optimizer.zero_grad()를 넣고, 한 번은 "
    "빼고요. 마지막 loss는 어느 쪽이 더 낮을까요?",
    "qz_curve_with": "zero_grad를 넣은 쪽",
    "qz_curve_without": "zero_grad를 뺀 쪽",
    "qz_curve_why": "{n} 에폭 뒤 loss는 zero_grad를 넣으면 {a}, 빼면 {b}입니다.",
    "qz_learns_ask": "시드 {seed}, {epochs} 에폭, 학습률 {lr}. 이 학습은 XOR을 배울까요?",
    "qz_learns_why": "{epochs} 에폭 뒤 ŷ = {preds}. 정답과 {tol} 안으로 가까운 것이 4개 가운데 {k}개인데, 4개 "
    "모두 그래야 합니다.",
    "qz_learns_why_diverged": "이 학습은 {epoch} 에폭에서 발산했습니다. loss가 더는 수가 아닙니다.",
    "qz_worst_ask": "활성화 함수마다 시드 {n}개, {epochs} 에폭, {opt}, 학습률 {lr}. 가장 자주 실패하는 활성화 "
    "함수는 무엇일까요?",
    "qz_worst_count": "{act} {n}번 중 {fails}번",
    "qz_worst_why": "실패한 학습: {counts}.",
}
