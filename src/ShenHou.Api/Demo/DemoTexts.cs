using System.Globalization;

namespace ShenHou.Api.Demo;

/// <summary>What staff write in demo cases: reasons, result numbers, notes. Made up, in the departments' style.</summary>
internal static class DemoTexts
{
    /// <summary>Why a department turns an item down; items without an entry are never rejected in demo data.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Rejections = new Dictionary<string, string[]>
    {
        ["PENSION_ACCOUNT_LUMP_SUM"] = ["个人账户余额已于生前一次性领取，无可返还余额", "已故人员养老保险关系已转出本省，请向转入地申领"],
        ["PENSION_SURVIVOR_BENEFIT"] = ["申请人不属于已故人员生前供养的直系亲属，不符合遗属待遇领取条件", "遗属待遇已由其他继承人领取"],
        ["RESIDENT_PENSION_CANCEL"] = ["已故人员未参加城乡居民基本养老保险，无需注销", "已故人员参保关系在外省，本地无法注销"],
        ["MEDICAL_ACCOUNT_WITHDRAWAL"] = ["医保个人账户余额为零，无可支取金额", "个人账户已于生前家庭共济使用完毕"],
        ["HOUSING_FUND_WITHDRAWAL"] = ["继承文件载明的继承人与申请人不一致", "已故人员公积金账户已于退休时销户提取"],
        ["DRIVING_LICENSE_CANCEL"] = ["驾驶证已因逾期未换证被注销"],
        ["EQUITY_HEIR_QUERY"] = ["亲属关系证明不能证明申请人的继承人身份"],
        ["SOCIAL_SECURITY_CARD_INFO"] = ["社保卡已挂失注销，无卡内信息可查询"],
        ["SMALL_DEPOSIT_WITHDRAWAL"] = ["存款余额超过小额提取限额，须先办理继承公证"],
        ["INHERITANCE_NOTARIZATION"] = ["继承人之间对遗产分配存在争议，不予办理继承公证"],
    };

    /// <summary>What is wrong with a material the window sends back (一次性告知补正).</summary>
    public static readonly IReadOnlyDictionary<string, string> Deficiencies = new Dictionary<string, string>
    {
        ["APPLICANT_ID"] = "申请人身份证复印件不清晰，请提交清晰复印件",
        ["DECEASED_ID"] = "已故人员身份证已过有效期，请补充户籍证明",
        ["HOUSEHOLD_REGISTER"] = "户口簿缺少已故人员本人页",
        ["DEATH_CERTIFICATE"] = "死亡证明缺少医疗机构公章",
        ["DECEASED_SS_OR_BANK_CARD"] = "银行卡户名与已故人员姓名不符，请提交已故人员本人名下的银行卡",
        ["PENSION_FORMS"] = "待遇申请表缺少申请人签字",
        ["INHERITANCE_DOCUMENT"] = "继承文件为复印件，请提交经公证的原件",
        ["DRIVING_LICENSE"] = "未提交驾驶证原件",
        ["KINSHIP_PROOF"] = "亲属关系证明未加盖村（居）委会公章",
        ["ESTATE_TITLE_PROOF"] = "不动产权证书复印件缺页",
        ["DEPOSIT_WITHDRAWAL_PLEDGE"] = "承诺书缺少全部继承人签字",
    };

    public static readonly string[] Supplements = ["已补交", "申请人已到窗口补交材料", "已通过甘快办补传清晰扫描件", "家属已补齐签字"];

    public static readonly string[] Withdrawals =
    [
        "家属决定自行分别办理", "家属协商后改由其他亲属申请", "申请信息填写有误，撤回后重新申请",
        "已故人员户籍信息须先行更正，家属撤回申请", "家属暂缓办理",
    ];

    public static readonly string[] Extensions =
    [
        "需向外省调取参保档案", "需核实已故人员生前视同缴费年限", "继承人在外地，需补充公证询问", "需与原单位核对退休档案",
    ];

    public static readonly string[] Approvals = ["符合办理条件", "材料齐全，予以办理", "经核查符合规定"];

    /// <summary>The number on the result a department issues.</summary>
    public static string Reference(string item, string regionCode, DateTimeOffset at, int serial)
    {
        var year = at.Year.ToString(CultureInfo.InvariantCulture);
        var n = serial.ToString("D6", CultureInfo.InvariantCulture);
        return item switch
        {
            "DEATH_CERT" => $"{regionCode}{at:yyyyMMdd}{serial % 10000:D4}",
            "CREMATION_CERT" => $"火化证 {regionCode}-{year}-{n}",
            "HUKOU_CANCEL" => $"户口注销证明 公（{regionCode}）{year}{n}",
            "DRIVING_LICENSE_CANCEL" => $"甘公交驾注〔{year}〕{n}号",
            "PENSION_ACCOUNT_LUMP_SUM" or "PENSION_SURVIVOR_BENEFIT" or "RESIDENT_PENSION_CANCEL" => $"甘人社待〔{year}〕{regionCode}{n}",
            "SOCIAL_SECURITY_CARD_INFO" => $"社保卡信息告知书 {regionCode}{year}{n}",
            "MEDICAL_ACCOUNT_WITHDRAWAL" => $"甘医保支〔{year}〕{regionCode}{n}",
            "HOUSING_FUND_WITHDRAWAL" => $"公积金提取 {regionCode}-{year}-{n}",
            "WILL_NOTARY_CHECK" => $"（{year}）甘公查字第{n}号",
            "INHERITANCE_NOTARIZATION" => $"（{year}）甘证字第{n}号",
            "EQUITY_HEIR_QUERY" => $"甘市监查〔{year}〕{n}号",
            "SMALL_DEPOSIT_WITHDRAWAL" => $"小额提取回执 {regionCode}{year}{n}",
            _ => $"{item}-{year}-{n}",
        };
    }
}
