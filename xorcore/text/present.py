"""Text of the presentation mode (the sidebar switch, the slide controls) and of the link notices' dismiss button."""

EN = {
    "sb_present": "Presentation mode",
    "sb_present_help": "One slide at a time, sized for a 1280 x 720 projector; PageDown / PageUp "
    "(or → / ←) move one slide and cross pages at either end.",
    "sl_next": "Next",
    "sl_prev": "Previous",
    "sl_counter": "{page} · slide {i} of {n}",
    "sl_more": "More explanation",
    "notice_dismiss": "Dismiss the link notices",
}

KO = {
    "sb_present": "발표 모드",
    "sb_present_help": "한 번에 슬라이드 하나, 1280 x 720 프로젝터에 맞춘 크기. PageDown / PageUp "
    "(또는 → / ←)으로 한 장씩 넘기고, 처음과 끝에서는 앞뒤 페이지로 넘어갑니다.",
    "sl_next": "다음",
    "sl_prev": "이전",
    "sl_counter": "{page} · 슬라이드 {i} / {n}",
    "sl_more": "자세한 설명",
    "notice_dismiss": "링크 알림 닫기",
}
