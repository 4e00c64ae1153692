"""Pictures of the core: Altair chart builders by subject (data in, chart out; no streamlit)."""
