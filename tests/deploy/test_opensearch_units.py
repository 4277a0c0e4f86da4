"""OpenSearch without a cluster: the template's mappings, documents, and query building as exact JSON."""

from __future__ import annotations

from typing import Any

import pytest

from qms_desktop.domain.urls import CredentialsInUrl
from qms_desktop.search import opensearch as osx
from qms_desktop.search.query import InvalidCursor, RecordingQuery, encode_cursor


def test_mapping_types_are_explicit() -> None:
    template = osx.index_template("qms-recordings")
    assert template["index_patterns"] == ["qms-recordings*"]
    mappings = template["template"]["mappings"]
    assert mappings["dynamic"] == "strict"
    props = mappings["properties"]
    assert props["session_id"] == {"type": "keyword"}
    assert props["rid"] == {"type": "long"}
    assert props["start"] == {"type": "date", "format": "epoch_millis"}
    assert props["duration_ms"] == {"type": "long"}
    for name in ("agent_id", "agent_name", "team_code"):
        assert props[name] == {"type": "keyword", "fields": {"text": {"type": "text", "analyzer": "qms_words"}}}
    for name in ("ani", "dnis", "participants"):
        assert props[name] == {"type": "keyword", "fields": {"lc": {"type": "keyword", "normalizer": "qms_lowercase"}}}
    assert props["tags"] == {"type": "keyword"}
    assert props["document"] == {"type": "text", "analyzer": "qms_words", "index_options": "docs", "norms": False}
    settings = template["template"]["settings"]
    assert settings["analysis"]["normalizer"]["qms_lowercase"] == {"type": "custom", "filter": ["lowercase"]}
    # Every document field is mapped (dynamic: strict would refuse the document otherwise).
    assert set(osx.to_document(_row())) == set(props)


def _row(**overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": 42,
        "session_id": "s-1",
        "recording_id": "r-1",
        "start_ms": 1_700_000_000_000,
        "end_ms": 1_700_000_060_000,
        "duration_ms": 60_000,
        "state": "CLOSED_NORMAL",
        "agent_id": "a1",
        "agent_name": "Olena Kovalenko",
        "team_code": "SALES",
        "direction": "inbound",
        "ani": "+380501234567",
        "dnis": "1001",
        "csq": "CSQ_Sales",
        "wrap_up_reason": None,
        "pruned": False,
        "synced_at_ms": 1_700_000_100_000,
        "tags": [{"name": "vip"}, {"name": "vip"}, {"name": "callback"}],
        "participants": [{"device_ref": "1001", "name": None}, {"device_ref": "0501234567", "name": "Caller"}],
        "document": "380501234567 1001 olena kovalenko a1 sales csq vip callback 0501234567 caller",
    }
    row.update(overrides)
    return row


def test_document_from_a_row() -> None:
    doc = osx.to_document(_row())
    assert doc["session_id"] == "s-1" and doc["rid"] == 42
    assert doc["start"] == 1_700_000_000_000 and doc["duration_ms"] == 60_000
    assert doc["tags"] == ["vip", "callback"]
    assert doc["participants"] == ["1001", "0501234567"] and doc["participant_names"] == ["Caller"]
    assert (doc["sort_duration"], doc["sort_agent"], doc["sort_ani"]) == (60_000, "Olena Kovalenko", "+380501234567")
    # NULLs become the SQL sort's sentinels (coalesce), so both backends order them alike.
    open_call = osx.to_document(_row(duration_ms=None, agent_name=None, ani=None, dnis=None))
    assert (open_call["sort_duration"], open_call["sort_agent"], open_call["sort_ani"], open_call["sort_dnis"]) == (
        -1,
        "a1",
        "",
        "",
    )
    assert osx.to_document(_row(agent_name=None, agent_id=None))["sort_agent"] == ""


def test_empty_query_matches_all_sorted_newest_first() -> None:
    assert osx.build_search(RecordingQuery()) == {
        "query": {"match_all": {}},
        "sort": [{"start": {"order": "desc"}}, {"rid": {"order": "desc"}}],
        "size": 51,
        "_source": False,
        "track_total_hits": False,
    }


def test_every_filter_in_order() -> None:
    query = RecordingQuery(
        start_ms=1000,
        end_ms=2000,
        agent_ids=["a1", "a2", "a1"],
        team_codes=["SALES"],
        allowed_teams=["SALES", "SUPPORT"],
        direction="inbound",
        ani="050*1",
        dnis="10",
        csq="CSQ_Sales",
        tags=["vip", "escalation"],
        min_duration_ms=5000,
        max_duration_ms=60000,
        state="CLOSED_NORMAL",
        session_id="s-1",
        text="Olena, 050 olena",
        sort="duration",
        descending=False,
        limit=10,
    )
    assert osx.build_query(query) == {
        "bool": {
            "filter": [
                {"range": {"start": {"gte": 1000, "lt": 2000}}},
                {"terms": {"agent_id": ["a1", "a2"]}},
                {"terms": {"team_code": ["SALES"]}},
                {"terms": {"team_code": ["SALES", "SUPPORT"]}},
                {"term": {"direction": "inbound"}},
                {"wildcard": {"ani.lc": {"value": "*050\\*1*"}}},
                {"wildcard": {"dnis.lc": {"value": "*10*"}}},
                {"term": {"csq": "CSQ_Sales"}},
                {"term": {"tags": "vip"}},
                {"term": {"tags": "escalation"}},
                {"range": {"duration_ms": {"gte": 5000, "lte": 60000}}},
                {"term": {"state": "CLOSED_NORMAL"}},
                {"term": {"session_id": "s-1"}},
                {"prefix": {"document": {"value": "olena"}}},
                {"prefix": {"document": {"value": "050"}}},
            ]
        }
    }
    assert osx.build_sort(query) == [{"sort_duration": {"order": "asc"}}, {"rid": {"order": "asc"}}]


def test_no_visible_team_matches_nothing() -> None:
    assert osx.build_query(RecordingQuery(allowed_teams=[])) == {"bool": {"filter": [{"match_none": {}}]}}


def test_text_without_words_adds_no_clause() -> None:
    assert osx.build_query(RecordingQuery(text=" -- ")) == {"match_all": {}}


@pytest.mark.parametrize(
    ("sort", "field"),
    [
        ("start", "start"),
        ("duration", "sort_duration"),
        ("agent", "sort_agent"),
        ("ani", "sort_ani"),
        ("dnis", "sort_dnis"),
    ],
)
def test_keyset_cursor_is_shared_with_the_database(sort: str, field: str) -> None:
    query = RecordingQuery(sort=sort, limit=2)
    key = 1234 if sort in ("start", "duration") else "Olena"
    after = RecordingQuery(sort=sort, limit=2, after=encode_cursor(query, key, 7))
    body = osx.build_search(after)
    assert body["search_after"] == [key, 7]
    assert body["sort"][0] == {field: {"order": "desc"}}
    # A cursor of another sort order is refused, as by the database backend.
    with pytest.raises(InvalidCursor):
        osx.build_search(RecordingQuery(sort="start" if sort != "start" else "ani", after=after.after))


def test_hits_give_ids_in_order_and_the_next_cursor() -> None:
    response = {
        "hits": {
            "hits": [
                {"_id": "s-3", "sort": [300, 3]},
                {"_id": "s-2", "sort": [200, 2]},
                {"_id": "s-1", "sort": [100, 1]},
            ]
        }
    }
    hits = osx.parse_hits(response, limit=2)
    assert hits.session_ids == ["s-3", "s-2"] and hits.more
    assert hits.sort_values[-1] == [200, 2]
    assert not osx.parse_hits(response, limit=3).more


def test_settings_from_environment_keep_secrets_out_of_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    assert osx.settings_from_environment({}) is None
    with pytest.raises(CredentialsInUrl, match="QMS_OPENSEARCH_PASSWORD") as refused:  # never used, never kept
        osx.settings_from_environment(
            {"QMS_OPENSEARCH_URL": "https://admin:pa55@search.example:9200"}, use_keyring=False
        )
    assert "pa55" not in str(refused.value) and "https://search.example:9200" in str(refused.value)
    settings = osx.settings_from_environment(
        {"QMS_OPENSEARCH_URL": "https://admin@search.example:9200", "QMS_OPENSEARCH_PASSWORD": "pa55",
         "QMS_OPENSEARCH_INDEX": "qms-test"},
        use_keyring=False,
    )  # fmt: skip
    assert settings is not None
    assert settings.url == "https://search.example:9200"  # the user name left the URL
    assert (settings.username, settings.password, settings.index) == ("admin", "pa55", "qms-test")
    assert "pa55" not in repr(settings) and "pa55" not in str(settings.to_dict())
    assert osx.mask_http_url("https://u:secret@h:9200/x") == "https://u:***@h:9200/x"
    env = {
        "QMS_OPENSEARCH_URL": "http://h:9200",
        "QMS_OPENSEARCH_USER": "svc",
        "QMS_OPENSEARCH_PASSWORD": "pw",
        "QMS_OPENSEARCH_VERIFY": "false",
    }
    headless = osx.settings_from_environment(env, use_keyring=False)
    assert headless is not None and headless.password == "pw" and headless.verify is False


class _FakeBulkClient:
    """Just enough of AsyncOpenSearch for async_streaming_bulk: one item fails, the rest succeed."""

    def __init__(self) -> None:
        from opensearchpy.serializer import JSONSerializer

        self.bodies: list[Any] = []
        self.transport = type("T", (), {"serializer": JSONSerializer()})()

    async def bulk(self, body: Any, **_: Any) -> dict[str, Any]:
        import json

        if isinstance(body, list | tuple):
            lines = [line if isinstance(line, str) else line.decode() for line in body]
        else:
            lines = (body if isinstance(body, str) else body.decode()).splitlines()
        self.bodies.append(lines)
        actions = [json.loads(line) for line in lines[::2]]
        items = []
        for action in actions:
            doc_id = action["index"]["_id"]
            if doc_id == "bad":
                items.append({"index": {"_id": doc_id, "status": 400, "error": {"type": "mapper_parsing_exception"}}})
            else:
                items.append({"index": {"_id": doc_id, "status": 201, "result": "created"}})
        return {"errors": any(i["index"]["status"] >= 300 for i in items), "items": items}


@pytest.mark.asyncio
async def test_bulk_writes_report_per_document_outcome() -> None:
    client = _FakeBulkClient()
    backend = osx.OpenSearchBackend(osx.OpenSearchSettings(url="http://h:9200", index="qms-t"), client=client)
    outcome = await backend.write_documents([_row(session_id="s-1"), _row(session_id="bad", id=43)])
    assert outcome["s-1"] is None
    assert outcome["bad"] is not None and "mapper_parsing_exception" in outcome["bad"]
    assert len(client.bodies) == 1  # one bulk request
