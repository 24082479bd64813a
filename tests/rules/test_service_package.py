import pytest

from app.rules.service_package import compliance, minimum, package_progress, service_kinds

JOB, GUIDE, POLICY = "job_recommendation", "career_guidance", "policy_consultation"


def test_service_kinds_from_data():
    kinds = {k.code: k.name_zh for k in service_kinds()}
    assert kinds == {
        "job_recommendation": "职业介绍/岗位推荐",
        "career_guidance": "职业指导",
        "policy_consultation": "政策咨询",
        "training": "职业培训",
        "entrepreneurship": "创业帮扶",
        "public_welfare_job": "公益性岗位安置",
    }
    assert minimum() == {JOB: 3, GUIDE: 1, POLICY: 1}


def test_empty_progress():
    p = package_progress([])
    assert not p.complete
    assert p.missing_text == "还差岗位推荐 3 次、职业指导 1 次、政策咨询 1 次"
    assert [(r.service, r.done, r.required, r.met) for r in p.requirements] == [
        (JOB, 0, 3, False),
        (GUIDE, 0, 1, False),
        (POLICY, 0, 1, False),
    ]


def test_partial_progress():
    p = package_progress([JOB, "training", POLICY, POLICY])
    assert p.missing_text == "还差岗位推荐 2 次、职业指导 1 次"
    assert p.text_zh == p.missing_text
    assert p.requirements[2].done == 2 and p.requirements[2].met


def test_complete_progress():
    p = package_progress(iter([JOB, JOB, JOB, JOB, GUIDE, POLICY]))
    assert p.complete
    assert p.missing_text == ""
    assert p.text_zh == "最低服务包已完成"


def test_unknown_service_is_an_error():
    with pytest.raises(ValueError, match="未知服务类型：massage"):
        package_progress([JOB, "massage"])


def test_compliance():
    done = package_progress([JOB] * 3 + [GUIDE, POLICY])
    not_done = package_progress([JOB])
    assert compliance([done, not_done, done, not_done]) == (2, 4, 0.5)
    assert compliance(iter([done])) == (1, 1, 1.0)
    assert compliance([]) == (0, 0, 0.0)
