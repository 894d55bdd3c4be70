package vn.ideabank.contest;

/** The kinds of contest in PRODUCT.md (ASCII names; SANG_TAO_TTNND is "Sáng tạo thanh thiếu niên nhi đồng"). */
public enum ContestKind {
	XET_CHON_KHCN, Y_TUONG_KHOI_NGHIEP, SANG_TAO_TTNND, TIN_HOC_TRE, CAI_CACH_HANH_CHINH, OTHER;

	public String messageKey() {
		return "contest.kind." + name();
	}
}
