package cn.timebank.simulator;

import java.util.SplittableRandom;

/** Chinese names: common surnames (most frequent first) and given names by generation and sex. */
final class Names {

  static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高",
        "罗",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋",
        "蔡",
    "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范",
        "金",
    "石", "廖", "贾", "夏", "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙",
        "史",
    "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "欧阳",
        "诸葛"
  };

  private static final String[] OLDER_MEN = {
    "建国", "建华", "国强", "志强", "德明", "国华", "卫东", "建军", "文革", "振华", "永清", "福生", "长林", "德胜", "金宝",
    "根生", "家驹", "宝林", "树森", "保国", "立新", "援朝", "庆丰", "宏伟", "学军", "明", "强", "军", "平", "勇"
  };
  private static final String[] OLDER_WOMEN = {
    "秀英", "桂英", "秀兰", "玉兰", "桂兰", "淑珍", "凤英", "玉珍", "秀珍", "丽华", "美华", "翠花", "素芬", "月娥", "淑英",
    "慧芳", "红梅", "爱华", "金凤", "春兰", "雪梅", "小红", "卫红", "丽娟", "敏", "静", "芳", "英", "霞", "萍"
  };
  private static final String[] YOUNGER_MEN = {
    "伟", "磊", "浩", "鹏", "杰", "涛", "俊杰", "子轩", "浩然", "宇航", "一鸣", "晨阳", "博文", "梓豪", "思远", "嘉豪", "志鹏",
    "天佑", "明轩", "文博"
  };
  private static final String[] YOUNGER_WOMEN = {
    "婷", "静怡", "欣怡", "思琪", "雨涵", "梓涵", "晓雯", "佳琪", "诗涵", "可馨", "雅婷", "嘉欣", "梦洁", "雪", "琳", "倩", "悦",
    "晨曦", "若曦", "语嫣"
  };

  private Names() {}

  static int surname(SplittableRandom random) {
    // skewed towards the frequent surnames, as in real registers
    double u = random.nextDouble();
    return (int) (u * u * SURNAMES.length);
  }

  /** A given-name index; its table follows sex and whether born before 1975. */
  static int given(SplittableRandom random, boolean male, boolean older) {
    return random.nextInt(table(male, older).length);
  }

  static String full(int surname, int given, boolean male, boolean older) {
    return SURNAMES[surname] + table(male, older)[given];
  }

  private static String[] table(boolean male, boolean older) {
    if (older) {
      return male ? OLDER_MEN : OLDER_WOMEN;
    }
    return male ? YOUNGER_MEN : YOUNGER_WOMEN;
  }
}
