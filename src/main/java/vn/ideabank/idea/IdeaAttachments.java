package vn.ideabank.idea;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.files.FileStore;
import vn.ideabank.common.files.StoredFile;
import vn.ideabank.common.files.UploadCheck;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.text.TextNormalizer;

interface IdeaAttachmentRepository extends JpaRepository<IdeaAttachment, Long> {

	List<IdeaAttachment> findByIdeaIdOrderByUploadedAtAscIdAsc(long ideaId);

	long countByIdeaId(long ideaId);
}

/**
 * Files attached to ideas, checked by content, size and count. The bytes go to the {@link FileStore}
 * first; if the transaction then fails they are removed again, so no orphan is left behind.
 */
@Service
@Transactional(readOnly = true)
public class IdeaAttachments {

	private static final Logger log = LoggerFactory.getLogger(IdeaAttachments.class);

	/** The bytes and metadata of a file to hand to the browser. */
	public record Download(AttachmentView attachment, InputStream content) {
	}

	private final IdeaRepository ideas;

	private final IdeaAttachmentRepository attachments;

	private final FileStore files;

	private final long maxBytes;

	private final int maxCount;

	IdeaAttachments(IdeaRepository ideas, IdeaAttachmentRepository attachments, FileStore files,
			@Value("${ideabank.attachments.max-bytes:20971520}") long maxBytes,
			@Value("${ideabank.attachments.max-count:10}") int maxCount) {
		this.ideas = ideas;
		this.attachments = attachments;
		this.files = files;
		this.maxBytes = maxBytes;
		this.maxCount = maxCount;
	}

	public List<AttachmentView> list(Caller caller, long ideaId) {
		readable(caller, ideaId);
		return attachments.findByIdeaIdOrderByUploadedAtAscIdAsc(ideaId).stream().map(IdeaAttachment::view).toList();
	}

	/** Whether the caller may add or remove files of this idea now. */
	public boolean canAttach(Caller caller, long ideaId) {
		return mayAttach(caller, readable(caller, ideaId));
	}

	public long maxMegabytes() {
		return maxBytes / (1024 * 1024);
	}

	public int maxCount() {
		return maxCount;
	}

	@Transactional
	public AttachmentView attach(Caller caller, long ideaId, String fileName, long size, UploadCheck.Content content) {
		Idea idea = readable(caller, ideaId);
		if (!mayAttach(caller, idea)) {
			throw new ForbiddenException("upload.error.notAllowed");
		}
		String name = TextNormalizer.fileName(fileName);
		if (name == null || size <= 0) {
			throw new BusinessException("file", "upload.error.empty");
		}
		if (size > maxBytes) {
			throw new BusinessException("file", "upload.error.tooLarge", name, maxBytes / (1024 * 1024));
		}
		if (attachments.countByIdeaId(ideaId) >= maxCount) {
			throw new BusinessException("file", "upload.error.tooMany", maxCount);
		}
		try {
			StoredFile stored = StoredFile.store(files, name, content);
			files.deleteIfRolledBack(stored.key());
			return attachments.save(new IdeaAttachment(ideaId, name, stored.contentType(), size, stored.sha256(),
					stored.key(), caller.accountId())).view();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Download open(Caller caller, long ideaId, long attachmentId) {
		readable(caller, ideaId);
		IdeaAttachment a = attachments.findById(attachmentId).filter(x -> x.ideaId() == ideaId)
			.orElseThrow(() -> new NotFoundException("upload.error.notFound"));
		try {
			return new Download(a.view(), files.open(a.storageKey()));
		}
		catch (java.nio.file.NoSuchFileException e) {
			// the row outlived its file (a restore without the files directory, a disk repaired by hand)
			log.warn("Attachment {} of idea {} has no stored file {}", attachmentId, ideaId, a.storageKey());
			throw new NotFoundException("upload.error.notFound");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Transactional
	public void remove(Caller caller, long ideaId, long attachmentId) {
		Idea idea = readable(caller, ideaId);
		if (!mayAttach(caller, idea)) {
			throw new ForbiddenException("upload.error.notAllowed");
		}
		IdeaAttachment a = attachments.findById(attachmentId).filter(x -> x.ideaId() == ideaId)
			.orElseThrow(() -> new NotFoundException("upload.error.notFound"));
		attachments.delete(a);
		files.deleteOnCommit(a.storageKey());
	}

	/** Authors and the unit's staff, while the idea is still being written or its application recorded. */
	private static boolean mayAttach(Caller caller, Idea idea) {
		boolean staff = caller.can(idea.unitPath(), Roles.STAFF);
		return switch (idea.status()) {
			case DRAFT, SUBMITTED, NEEDS_REVISION -> staff || IdeaAccess.isAuthor(caller, idea);
			case ENDORSED, UNDER_REVIEW, ACCEPTED, APPLIED -> staff;
			default -> false;
		};
	}

	private Idea readable(Caller caller, long ideaId) {
		Idea idea = ideas.findById(ideaId).orElseThrow(() -> new NotFoundException("idea.error.notFound"));
		if (!IdeaAccess.canRead(caller, idea)) {
			throw new ForbiddenException();
		}
		return idea;
	}
}
