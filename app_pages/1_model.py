import streamlit as st

from app_pages._shared import history, tr

st.title(tr("app_title"))
h = history()
st.metric("loss", f"{h.final_loss:.4f}")
