namespace EditorialArchive.Web.Generation;

/// <summary>Vocabulary for generated pieces: common English words of opinion writing, real Korean nouns and predicates.</summary>
internal static class GeneratedWords
{
    public static readonly string[] English =
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not", "this",
        "are", "or", "his", "from", "at", "which", "but", "have", "an", "they", "their", "has", "been", "more", "its", "will",
        "government", "president", "assembly", "policy", "economy", "market", "growth", "inflation", "budget", "taxes", "reform",
        "election", "voters", "party", "opposition", "ruling", "minister", "ministry", "court", "justice", "law", "constitution",
        "korea", "korean", "seoul", "busan", "peninsula", "north", "south", "pyongyang", "washington", "beijing", "tokyo",
        "alliance", "security", "defense", "missile", "nuclear", "diplomacy", "talks", "summit", "sanctions", "trade", "exports",
        "semiconductor", "chips", "industry", "workers", "wages", "jobs", "unemployment", "housing", "prices", "rent", "loans",
        "interest", "rates", "bank", "central", "households", "debt", "pension", "welfare", "health", "hospital", "doctors",
        "students", "schools", "university", "education", "exam", "teachers", "children", "parents", "birth", "population",
        "aging", "society", "citizens", "public", "trust", "media", "press", "freedom", "speech", "rights", "women", "equality",
        "climate", "carbon", "energy", "nuclear", "renewable", "power", "grid", "emissions", "pollution", "dust", "water",
        "city", "rural", "region", "province", "transport", "subway", "buses", "roads", "safety", "disaster", "fire", "flood",
        "history", "memory", "culture", "language", "literature", "film", "music", "sports", "olympics", "tourism", "festival",
        "technology", "internet", "platform", "data", "privacy", "artificial", "intelligence", "startup", "innovation", "research",
        "must", "should", "cannot", "would", "could", "may", "need", "needs", "requires", "demands", "deserves", "fails",
        "protect", "restore", "reconsider", "explain", "answer", "listen", "act", "decide", "invest", "spend", "cut", "raise",
        "clear", "urgent", "difficult", "necessary", "important", "serious", "fair", "honest", "open", "responsible", "careful",
        "long", "short", "new", "old", "young", "elderly", "small", "large", "local", "national", "global", "foreign", "domestic",
        "year", "years", "decade", "week", "month", "today", "tomorrow", "yesterday", "future", "past", "time", "moment",
        "plan", "plans", "proposal", "bill", "measure", "measures", "decision", "debate", "vote", "support", "criticism",
        "problem", "crisis", "risk", "chance", "solution", "answer", "question", "cost", "benefit", "price", "value", "balance",
        "people", "nation", "country", "world", "leaders", "officials", "lawmakers", "experts", "critics", "readers", "editors",
        "because", "although", "while", "when", "before", "after", "since", "until", "unless", "whether", "than", "also", "only",
        "still", "already", "never", "always", "often", "rarely", "perhaps", "indeed", "however", "instead", "rather", "even",
        "what", "who", "how", "why", "where", "these", "those", "such", "other", "every", "each", "some", "many", "few", "most",
    ];

    public static readonly string[] EnglishHeadlineWords =
    [
        "Reform", "Budget", "Election", "Alliance", "Housing", "Prices", "Climate", "Energy", "Pension", "Schools", "Trade",
        "Chips", "Safety", "Justice", "Courts", "Privacy", "Seoul", "Korea", "Peninsula", "Talks", "Summit", "Workers", "Wages",
        "Jobs", "Growth", "Debt", "Taxes", "Rights", "Media", "Memory", "History", "Birth", "Aging", "Exports", "Rivers",
        "Subways", "Doctors", "Students", "Teachers", "Lawmakers", "Voters", "Villages", "Borders", "Ports", "Markets",
    ];

    public static readonly string[] EnglishHeadlineLinks =
    [
        "and", "for", "after", "before", "without", "beyond", "over", "under", "against", "in", "on", "at",
    ];

    public static readonly string[] EnglishHeadlineVerbs =
    [
        "Needs", "Deserves", "Cannot Wait", "Must Change", "Is Not Enough", "Needs a Plan", "Should Come First", "Tests Us",
        "Is Overdue", "Needs Honesty",
    ];

    /// <summary>Nouns: most are two syllables, so two-syllable searches have plenty to find.</summary>
    public static readonly string[] KoreanNouns =
    [
        "정부", "국회", "대통령", "정책", "경제", "시장", "성장", "물가", "예산", "세금", "개혁", "선거", "유권자", "정당", "야당",
        "여당", "장관", "법원", "정의", "법률", "헌법", "한국", "서울", "부산", "한반도", "북한", "남한", "미국", "중국", "일본",
        "동맹", "안보", "국방", "미사일", "핵무기", "외교", "회담", "제재", "무역", "수출", "반도체", "산업", "노동자", "임금",
        "일자리", "실업", "주택", "가격", "전세", "대출", "금리", "은행", "가계", "부채", "연금", "복지", "건강", "병원", "의사",
        "학생", "학교", "대학", "교육", "시험", "교사", "아이", "부모", "출산", "인구", "고령화", "사회", "시민", "공공", "신뢰",
        "언론", "자유", "표현", "권리", "여성", "평등", "기후", "탄소", "에너지", "원전", "전력", "배출", "오염", "미세먼지",
        "도시", "농촌", "지역", "교통", "지하철", "버스", "도로", "안전", "재난", "화재", "홍수", "역사", "기억", "문화", "언어",
        "문학", "영화", "음악", "체육", "관광", "축제", "기술", "인터넷", "플랫폼", "데이터", "개인정보", "인공지능", "창업",
        "혁신", "연구", "미래", "과거", "시간", "계획", "법안", "대책", "결정", "토론", "투표", "지지", "비판", "문제", "위기",
        "위험", "기회", "해법", "질문", "비용", "가치", "균형", "국민", "나라", "세계", "지도자", "공무원", "의원", "전문가",
        "독자", "편집자", "청년", "노인", "가족", "마을", "바다", "강물", "산업계", "노사", "협상", "합의", "원칙", "책임",
    ];

    /// <summary>Predicates that end a sentence.</summary>
    public static readonly string[] KoreanPredicates =
    [
        "필요하다", "중요하다", "시급하다", "분명하다", "어렵다", "가능하다", "부족하다", "충분하지 않다", "바뀌어야 한다",
        "지켜야 한다", "설명해야 한다", "다시 살펴야 한다", "책임을 져야 한다", "귀를 기울여야 한다", "외면해서는 안 된다",
        "늦출 수 없다", "잊어서는 안 된다", "준비해야 한다", "논의해야 한다", "답해야 한다", "달라져야 한다", "시작됐다",
        "커지고 있다", "줄어들고 있다", "이어지고 있다", "드러났다", "남아 있다",
    ];

    /// <summary>Adverbs and connectives between clauses.</summary>
    public static readonly string[] KoreanConnectives =
    [
        "그러나", "하지만", "또한", "따라서", "이제", "지금", "여전히", "결국", "무엇보다", "특히", "다만", "더구나", "그래서",
        "오히려", "분명히", "당장",
    ];

    public static readonly string[] EnglishBylines =
    [
        "Kim Min-ji", "Lee Jun-ho", "Park Seo-yeon", "Choi Dong-hyun", "Jung Ha-eun", "Kang Ji-woo", "Cho Yoon-seo",
        "Yoon Sung-min", "Jang Hye-jin", "Lim Jae-won", "Han So-yeon", "Oh Tae-yang", "Seo Ji-hoon", "Shin Eun-ji",
        "Kwon Hyuk", "Hwang Mi-rae", "Ahn Sang-woo", "Song Ga-eun", "Jeon Woo-jin", "Hong Ye-rin", "Daniel Moore",
        "Sarah Whitfield", "James O'Connor", "Maria Alvarez", "Thomas Becker",
    ];

    public static readonly string[] KoreanBylines =
    [
        "김민지", "이준호", "박서연", "최동현", "정하은", "강지우", "조윤서", "윤성민", "장혜진", "임재원", "한소연", "오태양",
        "서지훈", "신은지", "권혁", "황미래", "안상우", "송가은", "전우진", "홍예린",
    ];
}
