package vn.ideabank.idea;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of idea import files, in the template's columns, built for each test (no binary fixtures). */
public final class IdeaImportTestFiles {

	public static final List<String> HEADER = List.of("Mã đơn vị", "Năm", "Loại", "Tên ý tưởng", "Tóm tắt", "Vấn đề",
			"Giải pháp", "Tính mới", "Lợi ích", "Lợi ích khác", "Phạm vi: ở đâu", "Phạm vi: khi nào", "Phạm vi: điều kiện",
			"Lĩnh vực áp dụng", "Lĩnh vực chuyên môn", "Đối tượng", "Tác giả", "Ngày sinh tác giả", "Liên kết video",
			"Không công khai", "Gửi luôn");

	private IdeaImportTestFiles() {
	}

	public static int thisYear() {
		return Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
	}

	public static Object[] header() {
		return HEADER.toArray();
	}

	/** A complete idea of TS-THODAN-T1 by one author, with the given columns replaced (null blanks a cell). */
	public static Object[] row(String title, Object... overrides) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("Mã đơn vị", "TS-THODAN-T1");
		values.put("Năm", thisYear());
		values.put("Loại", "Sáng kiến");
		values.put("Tên ý tưởng", title);
		values.put("Tóm tắt", "Dùng cảm biến độ ẩm giá rẻ để tưới nhỏ giọt tự động.");
		values.put("Vấn đề", "Mùa khô phải tưới tay hai lần mỗi ngày.");
		values.put("Giải pháp", "Cảm biến độ ẩm đất nối với van điện từ.");
		values.put("Tính mới", "Chi phí dưới 500.000 đồng mỗi vườn.");
		values.put("Lợi ích", "Tiết kiệm (thời gian, nguyên nhiên vật liệu); Giảm giá thành");
		values.put("Lợi ích khác", null);
		values.put("Phạm vi: ở đâu", "Các xã thuần nông của huyện Triệu Sơn");
		values.put("Phạm vi: khi nào", "Mùa khô");
		values.put("Phạm vi: điều kiện", null);
		values.put("Lĩnh vực áp dụng", "Sản xuất");
		values.put("Lĩnh vực chuyên môn", "Nông, lâm, ngư nghiệp");
		values.put("Đối tượng", "Thanh niên nông thôn");
		values.put("Tác giả", "Nguyễn Văn An");
		values.put("Ngày sinh tác giả", LocalDate.of(1998, 4, 12));
		values.put("Liên kết video", null);
		values.put("Không công khai", "Không");
		values.put("Gửi luôn", "Không");
		for (int i = 0; i < overrides.length; i += 2) {
			String column = (String) overrides[i];
			if (!values.containsKey(column)) {
				throw new IllegalArgumentException("no column " + column);
			}
			values.put(column, overrides[i + 1]);
		}
		return values.values().toArray();
	}
}
