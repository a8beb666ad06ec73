"""Serving the dashboard in production: the Streamlit profile, worker processes,
HAProxy in front, rolling restarts, backups and publishing the database to app hosts.

Nothing here imports Streamlit: the workers are ``streamlit run`` processes started
with the production profile (``profile.py``), and HAProxy is Debian's package.
"""
