"""The reference of the load test: a one-line Streamlit page, served with the same
production profile and proxy as the dashboard (bench/load_test.py)."""

import streamlit as st

st.write("Dasbor Tenaga Kerja Cilegon")
