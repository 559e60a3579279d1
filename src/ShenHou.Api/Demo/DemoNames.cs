using ShenHou.Domain.People;

namespace ShenHou.Api.Demo;

/// <summary>
/// Chinese names that fit the person: Bogus's zh_CN surnames and given names, with given names of
/// the generation for people born long ago (Bogus's are of today's children), Hui and Dongxiang
/// surnames, and Tibetan names (no surname) in Gannan and Tianzhu. Demo data, not real people.
/// </summary>
internal static class DemoNames
{
    // Gansu's most common surnames first; the rest come from Bogus's zh_CN list.
    private static readonly (string, int)[] CommonSurnames =
    [
        ("王", 12), ("李", 11), ("张", 10), ("刘", 8), ("杨", 7), ("陈", 5), ("赵", 5), ("马", 5), ("魏", 3), ("牛", 2),
        ("何", 2), ("郭", 2), ("周", 2), ("吴", 2), ("徐", 2), ("孙", 2), ("朱", 2), ("胡", 2), ("高", 2), ("罗", 2),
    ];

    private static readonly (string, int)[] HuiSurnames =
    [
        ("马", 50), ("穆", 5), ("白", 5), ("杨", 5), ("韩", 5), ("丁", 4), ("沙", 4), ("冶", 4), ("妥", 3), ("喇", 3),
        ("海", 3), ("哈", 3), ("米", 2),
    ];

    private static readonly string[] OldMale =
    [
        "德明", "建国", "永福", "志强", "文华", "福生", "国栋", "玉林", "长生", "振华", "国华", "立新", "学文", "明德",
        "守仁", "万福", "双喜", "有才", "占奎", "进财", "树林", "发祥", "保国", "世昌", "庆云", "金山", "光荣", "春生",
        "兴旺", "正义", "生贵", "永胜", "得禄", "福祥",
    ];

    private static readonly string[] OldFemale =
    [
        "秀英", "桂兰", "玉兰", "秀兰", "凤英", "桂英", "兰英", "玉珍", "淑珍", "秀珍", "春花", "冬梅", "翠兰", "桂芳",
        "淑英", "玉梅", "金花", "彩霞", "素珍", "月娥", "莲花", "香莲", "巧英", "玉琴", "爱兰", "菊花", "改娃", "兰芳",
    ];

    private static readonly string[] MidMale =
    [
        "建军", "卫东", "建华", "志刚", "国庆", "红军", "建平", "立军", "海军", "永刚", "文斌", "小平", "新民", "跃进",
        "爱国", "卫国", "勇", "军", "伟", "斌", "刚", "涛", "强", "峰", "鹏", "建忠", "永红", "学军",
    ];

    private static readonly string[] MidFemale =
    [
        "丽娟", "红梅", "艳", "丽", "霞", "燕", "红霞", "秀梅", "晓燕", "海燕", "丽萍", "玉霞", "春燕", "小红", "静",
        "敏", "桂香", "亚琴", "卫红", "建英", "美玲", "雪琴", "晓红", "莉",
    ];

    private static readonly string[] YoungFemale =
    [
        "婷", "静", "晶", "娜", "倩", "雪", "丹", "佳", "琳", "婷婷", "晓敏", "丽娜", "雪梅", "佳慧", "亚楠", "欣",
        "悦", "文静", "晓丽", "慧", "瑞", "蓉",
    ];

    // Dongxiang, Salar and Bonan families also give names from the Islamic tradition.
    private static readonly string[] MuslimMale = ["尔沙", "尕西木", "努哈", "伊斯哈", "穆萨", "尔撒", "哈克", "苏里曼", "伊布拉"];
    private static readonly string[] MuslimFemale = ["素菲耶", "阿依舍", "法图麦", "哈迪彻", "麦燕", "麦尔燕", "索菲娅"];

    private static readonly string[] TibetanMale =
    [
        "才让东主", "扎西", "多杰", "贡保", "尕藏", "旦正", "洛桑", "丹增", "桑杰", "索南", "才让", "更登", "完玛",
        "拉加", "华旦", "久美", "南杰", "仁青", "扎西才让", "多杰才旦",
    ];

    private static readonly string[] TibetanFemale =
    [
        "拉毛草", "卓玛", "央金", "卓玛草", "德吉", "拉姆", "才让草", "娘吉", "吉毛", "拉毛", "措吉", "卓玛吉",
        "仁青措", "桑吉卓玛", "尕藏草", "贡保吉",
    ];

    private static readonly string[] MobilePrefixes =
    [
        "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "157", "158", "159", "166",
        "173", "177", "180", "181", "183", "186", "187", "188", "189", "191", "193", "199",
    ];

    public static bool UsesTibetanNames(string ethnicity) => ethnicity == "藏族";

    public static bool UsesHuiSurnames(string ethnicity) => ethnicity is "回族" or "东乡族" or "撒拉族" or "保安族";

    /// <summary>A surname for a family of this ethnicity; null for Tibetan families, who have none.</summary>
    public static string? Surname(DemoDice f, string ethnicity) =>
        UsesTibetanNames(ethnicity) ? null
        : UsesHuiSurnames(ethnicity) ? Pick(f, HuiSurnames)
        : f.Random.Bool(0.6f) ? Pick(f, CommonSurnames) : f.Name.LastName();

    /// <summary>A full name: the surname given (or one of the ethnicity's), then a given name of the person's generation.</summary>
    public static string FullName(DemoDice f, string ethnicity, Gender gender, int birthYear, string? surname = null)
    {
        var male = gender == Gender.Male;
        if (UsesTibetanNames(ethnicity)) return f.PickRandom(male ? TibetanMale : TibetanFemale);
        surname ??= Surname(f, ethnicity)!;
        if (ethnicity is "东乡族" or "撒拉族" or "保安族" && f.Random.Bool(0.4f))
            return surname + f.PickRandom(male ? MuslimMale : MuslimFemale);
        return surname + GivenName(f, male, birthYear);
    }

    private static string GivenName(DemoDice f, bool male, int birthYear) => (birthYear, male) switch
    {
        ( < 1955, true) => f.PickRandom(OldMale),
        ( < 1955, false) => f.PickRandom(OldFemale),
        ( < 1980, true) => f.PickRandom(f.Random.Bool(0.8f) ? MidMale : OldMale),
        ( < 1980, false) => f.PickRandom(f.Random.Bool(0.8f) ? MidFemale : OldFemale),
        (_, true) => f.Random.Bool(0.6f) ? f.Name.FirstName() : f.PickRandom(MidMale),
        (_, false) => f.PickRandom(f.Random.Bool(0.7f) ? YoungFemale : MidFemale),
    };

    /// <summary>A mainland mobile number (13x-19x) as people write it.</summary>
    public static string Mobile(DemoDice f) => f.PickRandom(MobilePrefixes) + f.Random.ReplaceNumbers("########");

    public static T Pick<T>(DemoDice f, (T Value, int Weight)[] weighted)
    {
        var roll = f.Random.Int(1, weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            roll -= weight;
            if (roll <= 0) return value;
        }
        return weighted[^1].Value;
    }
}
